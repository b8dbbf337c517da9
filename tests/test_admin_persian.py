"""Every admin page in Persian shows no English interface word.

Walks every model the admin registers (so a model added later is checked too): its change list,
add form, the change form and history of its first row, and the index. The office's own values
(titles typed in English, user names, e-mail addresses) are left out: only the interface counts.
"""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from cluster_portal.admin_pages import admin_pages
from tests.interface_words import data_values, english_words, interface_text


@pytest.fixture
def office(demo, django_user_model):
    """The content and demo news, one row of each outreach kind, and a signed-in superuser."""
    from outreach.models import Inquiry, PageFeedback, SiteNotice, Subscriber

    Inquiry.objects.create(
        kind=Inquiry.Kind.INVEST, name="مریم", email="maryam@example.org", message="پرسش"
    )
    Subscriber.objects.create(email="reader@example.org")
    PageFeedback.objects.create(path="/clusters/", language="fa", useful=True)
    now = timezone.now()
    SiteNotice.objects.create(
        text="اطلاعیه نمونه", starts_at=now, ends_at=now + timezone.timedelta(days=1)
    )
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 16)


def test_every_admin_page_is_persian(client, office):
    client.force_login(office)
    known = data_values()
    failures = {}
    for url in admin_pages(admin.site):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fa")
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
