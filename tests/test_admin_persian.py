"""Every admin page in Persian shows no English interface word.

Walks every model the admin registers (so a model added later is checked too): its change list,
add form, the change form and history of its first row, and the index. The office's own values
(titles typed in English, user names, e-mail addresses) are left out: only the interface counts.
"""

import jdatetime
import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from cluster_portal.admin_pages import admin_pages
from tests.interface_words import data_values, english_words, interface_text
from tests.outreach.factories import make_inquiry, make_outgoing_mail


@pytest.fixture
def office(demo, django_user_model):
    """The content and demo news, one row of each outreach kind and of each sign-in record
    (django-axes), and a signed-in superuser."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from outreach.models import (
        BouncedAddress,
        InquiryAnswer,
        OfficeCalendar,
        OfficeHoliday,
        OfficeRecipient,
        OutgoingMail,
        PageFeedback,
        SiteNotice,
        Subscriber,
    )

    inquiry = make_inquiry()
    InquiryAnswer.objects.create(inquiry=inquiry, body="<p>پاسخ</p>")
    make_outgoing_mail(inquiry, kind=OutgoingMail.Kind.ANSWER)
    BouncedAddress.objects.create(email="gone@example.org", reason="550")
    OfficeRecipient.objects.create(email="office@example.org")
    OfficeCalendar.objects.create()
    OfficeHoliday.objects.create(date=jdatetime.date(1405, 1, 1), name="نوروز")
    Subscriber.objects.create(email="reader@example.org")
    PageFeedback.objects.create(path="/clusters/", language="fa", useful=True)
    now = timezone.now()
    SiteNotice.objects.create(
        text="اطلاعیه نمونه", starts_at=now, ends_at=now + timezone.timedelta(days=1)
    )
    sign_in = {
        "user_agent": "Mozilla/5.0",
        "ip_address": "10.0.0.5",
        "username": "editor",
        "http_accept": "text/html",
        "path_info": "/admin/login/",
    }
    AccessAttempt.objects.create(**sign_in, get_data="", post_data="", failures_since_start=2)
    AccessLog.objects.create(**sign_in)
    AccessFailureLog.objects.create(**sign_in, locked_out=True)
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 16)


def locked_history_urls() -> set[str]:
    """The current ranking edition and its entries are read-only for everyone (the lock), so
    their history, which offers reverting, is refused: 403, with no page to read."""
    from clusters.models import PriorityRanking

    urls = set()
    for ranking in PriorityRanking.objects.filter(is_current=True):
        urls.add(reverse("admin:clusters_priorityranking_history", args=[ranking.pk]))
        for pk in ranking.entries.values_list("pk", flat=True):
            urls.add(reverse("admin:clusters_rankedcluster_history", args=[pk]))
    return urls


def test_every_admin_page_is_persian(client, office):
    client.force_login(office)
    known = data_values()
    locked = locked_history_urls()
    failures = {}
    for url in admin_pages(admin.site):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fa")
        if url in locked:
            assert response.status_code == 403, url
            continue
        assert response.status_code == 200, url
        words = english_words(interface_text(response.content.decode()), known)
        if words:
            failures[url] = sorted(set(words))
    assert not failures, failures


def test_third_party_apps_have_persian_names(client, office):
    client.force_login(office)
    text = interface_text(client.get(reverse("admin:index")).content.decode())
    for english in ("Axes", "AXES", "OTP_TOTP", "TOTP devices", "Model name"):
        assert english not in text


def test_a_password_hash_that_spells_a_word_is_not_an_english_word(client, office):
    """The user page shows the first characters of the stored salt and hash; when those random
    characters happen to spell letters ("deadbe…"), that is the secret's prefix, not an
    untranslated word, while the labels around it still have to be Persian."""
    office.password = "md5$facade$" + "deadbeef" * 4
    office.save()
    client.force_login(office)
    url = reverse("admin:auth_user_change", args=[office.pk])
    text = interface_text(client.get(url, HTTP_ACCEPT_LANGUAGE="fa").content.decode())
    assert "deadbe" in text  # the hash's prefix is on the page
    assert english_words(text, data_values()) == []
    assert english_words(text + "\nhash", data_values()) == ["hash"]
