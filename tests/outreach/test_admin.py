import datetime

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.persian import to_persian_digits
from news.models import Post
from outreach.models import (
    BouncedAddress,
    Delivery,
    Inquiry,
    OfficeCalendar,
    OfficeHoliday,
    OfficeRecipient,
    OutgoingMail,
    PageFeedback,
    SiteNotice,
    Subscriber,
)
from tests.clusters.test_admin import admin_url, assert_persian_admin
from tests.helpers import page_text
from tests.outreach.factories import make_inquiry, make_outgoing_mail
from tests.outreach.mailtools import admin_form_data, answer_prefix

MODELS = [model for model in admin.site._registry if model._meta.app_label == "outreach"]


@pytest.fixture
def records(content):
    now = timezone.now()
    inquiry = make_inquiry(reference="ZC-1404-000001", email="m@example.org", message="پ")
    subscriber = Subscriber.objects.create(email="r@example.org")
    post = Post.objects.create(title_fa="خبر", slug="k", body_fa="م", status="published")
    Delivery.objects.create(post=post, subscriber=subscriber)
    for useful in (True, True, True, False):
        PageFeedback.objects.create(path="/clusters/olive/", language="fa", useful=useful)
    SiteNotice.objects.create(
        text_fa="اطلاعیه", starts_at=now, ends_at=now + datetime.timedelta(days=1)
    )
    OfficeRecipient.objects.create(email="office@example.org")
    OfficeCalendar.objects.create()
    OfficeHoliday.objects.create(date=datetime.date(2026, 3, 21), name="نوروز")
    make_outgoing_mail(inquiry, status="failed", last_error="refused")
    BouncedAddress.objects.create(email="gone@example.org", reason="550")
    return inquiry


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_changelist_and_change_pages_are_persian(staff_client, records, model):
    response = staff_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert_persian_admin(page_text(response))
    obj = model.objects.first()
    response = staff_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert_persian_admin(page_text(response))


def test_site_notice_has_jalali_pickers(staff_client, db):
    html = page_text(staff_client.get(admin_url(SiteNotice, "add")))
    assert_persian_admin(html)
    assert 'class="vjDateField' in html
    assert "jquery.ui.datepicker-cc-fa.js" in html
    assert "jquery-1.10.2" not in html


def test_staff_turn_a_notice_on_through_the_admin(staff_client, client, content):
    response = staff_client.post(
        admin_url(SiteNotice, "add"),
        {
            "text_fa": "دفتر روز پنجشنبه تعطیل است.",
            "text_en": "",
            "link": "",
            "level": "warning",
            "is_active": "on",
            "starts_at_0": "1400-01-01",
            "starts_at_1": "00:00:00",
            "ends_at_0": "1499-01-01",
            "ends_at_1": "00:00:00",
        },
    )
    assert response.status_code == 302, page_text(response)
    assert "دفتر روز پنجشنبه تعطیل است." in page_text(client.get("/"))
    # English falls back to the Persian text rather than showing nothing.
    assert "دفتر روز پنجشنبه تعطیل است." in page_text(client.get("/en/"))


def test_feedback_summary_shows_counts_and_share_of_yes(staff_client, records):
    html = page_text(staff_client.get("/admin/outreach/feedbackpage/"))
    assert "/clusters/olive/" in html
    assert "<td>۴</td>" in html and "<td>۳</td>" in html
    assert "۷۵٪" in html  # 3 of 4
    response = staff_client.get("/admin/outreach/pagefeedback/?path=/clusters/olive/&language=fa")
    assert response.status_code == 200


def test_closing_an_inquiry_in_the_admin_starts_the_retention_clock(staff_client, records):
    url = admin_url(Inquiry, "change", records.pk)
    data = admin_form_data(staff_client, url, status="closed", staff_note="پاسخ داده شد")
    response = staff_client.post(url, data)
    assert response.status_code == 302
    records.refresh_from_db()
    assert records.status == "closed" and records.closed_at is not None
    assert records.staff_note == "پاسخ داده شد"
    assert records.email == "m@example.org"  # staff cannot alter what the sender wrote


def answer_through_the_admin(client, inquiry, body, **fields):
    url = admin_url(Inquiry, "change", inquiry.pk)
    prefix = answer_prefix(client, url)
    data = admin_form_data(client, url, **{"status": "new", "staff_note": "", **fields})
    data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-body": body})
    response = client.post(url, data)
    assert response.status_code == 302, page_text(response)
    return page_text(client.get(admin_url(Inquiry, "history", inquiry.pk)))


def test_an_answer_sent_is_written_in_the_inquirys_history(staff_client, records):
    """The history said "No fields changed." after an answer went out and the status moved."""
    history = answer_through_the_admin(staff_client, records, "<p>پاسخ دفتر</p>")
    assert "فیلدی تغییر نیافته است" not in history
    assert f"پاسخ «{to_persian_digits(records.reference)}» افزوده شد." in history
    assert "تغییر در وضعیت." in history


def test_a_note_and_an_answer_saved_together_are_one_line_of_history(staff_client, records):
    history = answer_through_the_admin(
        staff_client, records, "<p>پاسخ دفتر</p>", staff_note="تلفنی هم پاسخ داده شد"
    )
    assert "تغییر در یادداشت کارشناس و وضعیت." in history
    assert f"پاسخ «{to_persian_digits(records.reference)}» افزوده شد." in history


def test_inquiries_are_hidden_from_anyone_without_permission(client, django_user_model, records):
    assert client.get(admin_url(Inquiry, "changelist")).status_code == 302  # to the login
    editor = django_user_model.objects.create_user("news-editor", password="x" * 16, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_post"))
    client.force_login(editor)
    assert client.get(admin_url(Inquiry, "changelist")).status_code == 403
    assert client.get(admin_url(Inquiry, "change", records.pk)).status_code == 403
    assert "m@example.org" not in page_text(client.get("/admin/"))


def test_a_mail_is_named_in_words_not_with_an_arrow_that_points_the_wrong_way(
    staff_client, records
):
    """A mail was named «رسید، به فرستنده → maryam@…»: the arrow points left to right inside a
    right-to-left line."""
    mail = records.mails.get()
    html = page_text(staff_client.get(admin_url(OutgoingMail, "change", mail.pk)))
    title = html.split("<title>")[1].split("</title>")[0]
    assert f"برای {mail.to}" in title and "→" not in title
