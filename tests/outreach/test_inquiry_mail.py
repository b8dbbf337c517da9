"""Issue 19: the office hears of each question, the sender is acknowledged and answered in one
thread from the admin, through the outbox, against a real SMTP server (aiosmtpd)."""

import asyncio
import datetime
import re
import threading

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from clusters.models import Cluster
from outreach.models import (
    BouncedAddress,
    Inquiry,
    InquiryAnswer,
    OfficeCalendar,
    OfficeHoliday,
    OfficeRecipient,
    OutgoingMail,
)
from outreach.services import inquiries_send_digest, outbox_send_due
from outreach.workdays import WorkingWeek
from tests.clusters.test_admin import admin_url
from tests.helpers import page_text
from tests.outreach.factories import make_inquiry
from tests.outreach.mailtools import admin_form_data, answer_prefix, html_part, text_part
from tests.outreach.test_inquiries import valid_data
from tests.smtp import SmtpServer

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def persian(text: str) -> str:
    return text.translate(PERSIAN_DIGITS)


def by_recipient(smtp) -> dict:
    return {
        tuple(env.rcpt_tos): msg
        for env, msg in zip(smtp.inbox.envelopes, smtp.inbox.messages(), strict=True)
    }


@pytest.fixture(autouse=True)
def sending_by_the_job(settings):
    """These tests run the outbox job by hand, to see what the request queued and what failed."""
    settings.OUTREACH_MAIL_SENDING = "job"


@pytest.fixture
def office(content):
    return OfficeRecipient.objects.create(email="office@example.org")


def test_a_persian_question_reaches_the_office_and_an_rtl_acknowledgement_the_sender(
    client, office, smtp
):
    """The issue's "done when", first half."""
    response = client.post("/contact/", valid_data())
    assert response.status_code == 302
    assert smtp.inbox.envelopes == []  # the request only queued the mails
    assert outbox_send_due()["sent"] == 2
    inquiry = Inquiry.objects.get()
    mails = by_recipient(smtp)
    assert set(mails) == {("office@example.org",), ("maryam@example.org",)}

    to_office = mails[("office@example.org",)]
    assert persian(inquiry.reference) in to_office["Subject"]
    text = text_part(to_office)
    assert "می‌خواهم در خوشهٔ زیتون سرمایه‌گذاری کنم." in text
    assert "مریم احمدی" in text and "maryam@example.org" in text and "شرکت زیتون طارم" in text
    assert f"http://testserver/admin/outreach/inquiry/{inquiry.pk}/change/" in text
    assert to_office["Reply-To"] == "maryam@example.org"

    ack = mails[("maryam@example.org",)]
    assert persian(inquiry.reference) in ack["Subject"]
    assert ack["Auto-Submitted"] == "auto-replied"
    html = html_part(ack)
    assert '<html lang="fa" dir="rtl">' in html
    assert persian(inquiry.reference) in html
    assert "می‌خواهم در خوشهٔ زیتون سرمایه‌گذاری کنم." in html
    assert "روز کاری" in html  # what happens next and by when
    assert "Tahoma" in html and "http" not in html.split("<body")[0]  # no remote fonts
    assert "<img" not in html


def test_a_question_written_in_english_on_the_persian_page_is_acknowledged_in_english(
    client, office, smtp
):
    client.post("/contact/", valid_data(message="I would like to invest in olive processing."))
    outbox_send_due()
    ack = by_recipient(smtp)[("maryam@example.org",)]
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in ack["Subject"]  # ASCII digits in English
    assert '<html lang="en" dir="ltr">' in html_part(ack)
    assert "working days" in text_part(ack)


def test_recipients_follow_cluster_and_subject_with_a_default(client, office, smtp):
    olive = Cluster.objects.get(slug="olive")
    OfficeRecipient.objects.create(email="olive@example.org", cluster=olive)
    OfficeRecipient.objects.create(email="invest@example.org", kind="invest")
    OfficeRecipient.objects.create(email="olive-join@example.org", cluster=olive, kind="join")
    client.post("/contact/", valid_data(cluster=olive.pk, email="a@example.org"))
    client.post("/contact/", valid_data(cluster=olive.pk, kind="join", email="b@example.org"))
    client.post("/contact/", valid_data(email="c@example.org"))
    client.post("/contact/", valid_data(kind="partner", email="d@example.org"))
    office_mails = OutgoingMail.objects.filter(kind="office_notice")
    routed = {m.inquiry.email: m.to for m in office_mails}
    assert routed == {
        "a@example.org": "olive@example.org",
        "b@example.org": "olive-join@example.org",
        "c@example.org": "invest@example.org",
        "d@example.org": "office@example.org",
    }


def test_the_sender_is_acknowledged_once_and_never_at_a_bounced_address(client, office, smtp):
    from outreach.services import inquiry_notify

    client.post("/contact/", valid_data())
    inquiry_notify(inquiry=Inquiry.objects.get())  # a second run (a retry, a bug) sends no copy
    assert OutgoingMail.objects.filter(kind="acknowledgement").count() == 1

    BouncedAddress.objects.create(email="gone@example.org")
    client.post("/contact/", valid_data(email="Gone@Example.org"))
    gone = Inquiry.objects.get(email__iexact="gone@example.org")
    assert not gone.mails.filter(kind="acknowledgement").exists()
    assert gone.mails.filter(kind="office_notice").exists()  # the office still hears of it


class RefusingInbox:
    """Refuses one mailbox for good (550), like a server whose user no longer exists."""

    def __init__(self, inbox, refused):
        self.inbox, self.refused = inbox, refused

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refused:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        return await self.inbox.handle_DATA(server, session, envelope)


def test_a_mailbox_refused_for_good_is_recorded_and_not_written_to_again(client, office, settings):
    server = SmtpServer()
    server.controller = None
    handler = RefusingInbox(server.inbox, "gone@example.org")
    from aiosmtpd.controller import Controller

    server.controller = Controller(handler, hostname="127.0.0.1", port=server.port)
    server.controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    try:
        client.post("/contact/", valid_data(email="gone@example.org"))
        result = outbox_send_due()
        assert result["bounced"] == 1
        assert BouncedAddress.objects.filter(email="gone@example.org").exists()
        failed = OutgoingMail.objects.get(kind="acknowledgement")
        assert failed.status == "failed" and "550" in failed.last_error
        assert outbox_send_due()["failed"] == 0  # not retried
        client.post("/contact/", valid_data(email="gone@example.org", message="دوباره"))
        assert OutgoingMail.objects.filter(kind="acknowledgement").count() == 1
    finally:
        server.stop()


def test_staff_answer_from_the_admin_and_the_sender_gets_it_in_the_same_thread(
    client, staff_client, office, smtp, django_user_model
):
    """The issue's "done when", second half."""
    client.post("/contact/", valid_data())
    outbox_send_due()
    inquiry = Inquiry.objects.get()
    ack = by_recipient(smtp)[("maryam@example.org",)]
    url = admin_url(Inquiry, "change", inquiry.pk)
    prefix = answer_prefix(staff_client, url)
    assert prefix
    body = "<p>سلام، فرم سرمایه‌گذاری پیوست است.</p><script>alert(1)</script>"
    data = admin_form_data(
        staff_client, url, status="new", staff_note="", **{f"{prefix}-TOTAL_FORMS": "1"}
    )
    data[f"{prefix}-0-body"] = body
    response = staff_client.post(url, data)
    assert response.status_code == 302, page_text(response)

    inquiry.refresh_from_db()
    assert inquiry.status == "answered"
    answer = InquiryAnswer.objects.get()
    assert answer.answered_by.username == "editor" and answer.answered_at
    assert "<script>" not in answer.body

    outbox_send_due()
    reply = smtp.inbox.messages()[-1]
    assert smtp.inbox.envelopes[-1].rcpt_tos == ["maryam@example.org"]
    assert persian(inquiry.reference) in reply["Subject"]
    # Folding may start a long header on its own line: compare the ids, not the whitespace.
    assert reply["In-Reply-To"].strip() == ack["Message-ID"].strip()
    assert ack["Message-ID"].strip() in reply["References"]
    html = html_part(reply)
    assert "فرم سرمایه‌گذاری پیوست است." in html and "<script>" not in html
    plain = text_part(reply)
    assert "سلام، فرم سرمایه‌گذاری پیوست است." in plain and "<p>" not in plain
    assert '<html lang="fa" dir="rtl">' in html

    # The inquiry's page keeps the history: who answered and what.
    history = page_text(staff_client.get(url))
    assert "فرم سرمایه‌گذاری پیوست است." in history and "editor" in history


def test_only_staff_with_the_answer_permission_may_answer(client, office, django_user_model):
    client.post("/contact/", valid_data())
    inquiry = Inquiry.objects.get()
    clerk = django_user_model.objects.create_user("clerk", password="x" * 16, is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_inquiry", "change_inquiry"])
    )
    client.force_login(clerk)
    url = admin_url(Inquiry, "change", inquiry.pk)
    assert answer_prefix(client, url) is None
    data = admin_form_data(client, url, status="new", staff_note="")
    data.update({"answers-2-TOTAL_FORMS": "1", "answers-2-INITIAL_FORMS": "0"})
    data["answers-2-0-body"] = "<p>forged</p>"
    client.post(url, data)
    assert not InquiryAnswer.objects.exists()
    assert not inquiry.mails.filter(kind="answer").exists()

    clerk.user_permissions.add(Permission.objects.get(codename="answer_inquiry"))
    clerk = django_user_model.objects.get(pk=clerk.pk)  # fresh permission cache
    client.force_login(clerk)
    assert answer_prefix(client, url)


def test_a_stopped_mail_server_is_visible_in_the_admin_and_retried(
    client, staff_client, office, smtp
):
    smtp.stop()  # connection refused
    response = client.post("/contact/", valid_data())
    assert response.status_code == 302  # the visitor never sees the mail server's trouble
    result = outbox_send_due()
    assert result["failed"] == 1 and result["sent"] == 0  # the run stops at the first refusal
    failed = OutgoingMail.objects.filter(status="failed")
    assert failed.count() == 1 and "ConnectionRefusedError" in failed.get().last_error
    listing = page_text(staff_client.get("/admin/outreach/outgoingmail/?status__exact=failed"))
    assert "ConnectionRefusedError" in listing and "office@example.org" in listing
    inquiry_page = page_text(
        staff_client.get(admin_url(Inquiry, "change", failed.get().inquiry_id))
    )
    assert "ConnectionRefusedError" in inquiry_page

    smtp.start()
    assert outbox_send_due()["sent"] == 2
    assert len(smtp.inbox.envelopes) == 2
    assert not OutgoingMail.objects.exclude(status="sent").exists()


class SlowInbox:
    """Takes longer to answer DATA than the portal waits (EMAIL_TIMEOUT)."""

    def __init__(self, seconds):
        self.seconds = seconds

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.seconds)
        return "250 OK"


def test_a_slow_mail_server_times_out_and_the_mail_waits_for_the_next_run(client, office, settings):
    from aiosmtpd.controller import Controller

    server = SmtpServer()
    server.controller = Controller(SlowInbox(3), hostname="127.0.0.1", port=server.port)
    server.controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 1
    try:
        client.post("/contact/", valid_data())
        result = outbox_send_due()
    finally:
        server.stop()
    assert result["sent"] == 0 and result["failed"] == 1  # one timeout stops the run
    mail = OutgoingMail.objects.get(status="failed")
    assert "timed out" in mail.last_error.lower() or "Timeout" in mail.last_error
    assert OutgoingMail.objects.filter(status="pending").count() == 1


def test_the_working_week_starts_on_saturday_with_friday_off():
    saturday = datetime.date(2026, 11, 28)
    assert saturday.weekday() == 5
    week = WorkingWeek(thursday_is_working=False, holidays=[datetime.date(2026, 12, 1)])
    # Sat 28 → Sun 29, Mon 30, (Tue 1 holiday), Wed 2, (Thu 3 off), (Fri 4 off), Sat 5.
    assert week.add(saturday, 4) == datetime.date(2026, 12, 5)
    assert week.between(saturday, datetime.date(2026, 12, 5)) == 4
    with_thursday = WorkingWeek(thursday_is_working=True)
    assert with_thursday.add(datetime.date(2026, 12, 2), 1) == datetime.date(2026, 12, 3)
    assert with_thursday.add(datetime.date(2026, 12, 3), 1) == datetime.date(2026, 12, 5)


def test_the_daily_digest_lists_questions_new_for_more_than_n_working_days(
    client, office, smtp, settings
):
    OfficeCalendar.objects.create(digest_after_days=2, thursday_is_working=False)
    now = timezone.now()
    old = make_inquiry(
        name="الف",
        email="old@example.org",
        message="قدیمی",
        created_at=now - datetime.timedelta(days=10),
    )
    fresh = make_inquiry(name="ب", email="new@example.org", message="تازه")
    answered = make_inquiry(
        name="پ",
        email="done@example.org",
        message="پاسخ‌داده",
        created_at=now - datetime.timedelta(days=10),
        status="answered",
    )
    call_command("send_inquiry_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [digest] = smtp.inbox.messages()
    assert smtp.inbox.envelopes[0].rcpt_tos == ["office@example.org"]
    html = html_part(digest)
    assert persian(old.reference) in html
    assert fresh.reference not in html and answered.reference not in html
    assert f"http://testserver/admin/outreach/inquiry/{old.pk}/change/" in html
    assert '<html lang="fa" dir="rtl">' in html
    assert "۱ " in digest["Subject"] or "۱" in digest["Subject"]

    # A holiday-filled fortnight is not "late": the office was closed.
    smtp.inbox.envelopes.clear()
    for offset in range(0, 12):
        day = timezone.localdate() - datetime.timedelta(days=offset)
        OfficeHoliday.objects.get_or_create(date=day)
    assert inquiries_send_digest() == 0


def test_an_anonymised_question_offers_no_answer_form(staff_client, office, client):
    client.post("/contact/", valid_data())
    inquiry = Inquiry.objects.get()
    Inquiry.objects.filter(pk=inquiry.pk).update(email="", anonymised_at=timezone.now())
    assert answer_prefix(staff_client, admin_url(Inquiry, "change", inquiry.pk)) is None


def test_mail_links_use_the_site_address_setting(client, office, smtp, settings):
    settings.PORTAL_SITE_URL = "http://127.0.0.1:8800"
    client.post("/contact/", valid_data())
    outbox_send_due()
    office_mail = by_recipient(smtp)[("office@example.org",)]
    assert re.search(
        r"http://127\.0\.0\.1:8800/admin/outreach/inquiry/\d+/change/", text_part(office_mail)
    )


class HeldInbox:
    """Keeps each message waiting in DATA until the test lets it through."""

    def __init__(self, inbox):
        self.inbox = inbox
        self.release = threading.Event()
        self.holding = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.holding.set()
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 10)
        return await self.inbox.handle_DATA(server, session, envelope)


@pytest.mark.django_db(transaction=True)
def test_the_visitor_never_waits_for_the_mail_server(client, settings):
    """The form answers while the mail server still holds the first mail (no clock involved)."""
    from aiosmtpd.controller import Controller

    # An earlier test's sending thread may still be finishing (a slow server's timeout): wait
    # for it, so this test's thread is the only one claiming mails.
    for thread in threading.enumerate():
        if thread.name == "outbox":
            thread.join(60)
    call_command("load_content", verbosity=0)
    OfficeRecipient.objects.create(email="office@example.org")
    server = SmtpServer()
    held = HeldInbox(server.inbox)
    server.controller = Controller(held, hostname="127.0.0.1", port=server.port)
    server.controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 20
    settings.OUTREACH_MAIL_SENDING = "thread"
    try:
        response = client.post("/contact/", valid_data())
        assert response.status_code == 302
        # The thread reached the server after the response...
        assert held.holding.wait(30), list(OutgoingMail.objects.values_list("status", "last_error"))
        assert server.inbox.envelopes == []  # ...which has accepted nothing yet
        held.release.set()
        for thread in threading.enumerate():
            if thread.name == "outbox":
                thread.join(20)
    finally:
        held.release.set()
        server.stop()
    assert len(server.inbox.envelopes) == 2
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}
