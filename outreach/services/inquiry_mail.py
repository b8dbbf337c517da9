"""The mails around a question: the office hears of it, the sender is acknowledged and
answered in one thread, and the office gets a daily digest of questions left waiting.
"""

import datetime
import html as html_module
import re

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.persian import format_date, to_gregorian
from core.sanitize import sanitize_html
from core.site import absolute_url
from outreach.mail import render_mail, written_language
from outreach.models import Inquiry, InquiryAnswer, OfficeCalendar, OfficeRecipient, OutgoingMail
from outreach.workdays import WorkingWeek

from .outbox import mail_queue, outbox_send_soon

LANGUAGE_NAMES = {"fa": "Persian", "en": "English"}


def office_language() -> str:
    """The office reads its mails in the site's main language (Persian)."""
    return settings.LANGUAGE_CODE.split("-")[0]


def admin_link(inquiry: Inquiry) -> str:
    return absolute_url(reverse("admin:outreach_inquiry_change", args=[inquiry.pk]))


def sender_language(inquiry: Inquiry) -> str:
    """The language the sender wrote the question in; the page's language if it can't be told."""
    return written_language(inquiry.message, fallback=inquiry.language)


def inquiry_notify(*, inquiry: Inquiry) -> list[OutgoingMail]:
    """Queue the office's notice (one mail per recipient) and the sender's acknowledgement.

    The acknowledgement goes once per question (a constraint on the outbox) and never to an
    address that bounced; it carries `Auto-Submitted: auto-replied` (RFC 3834) so that the
    sender's out-of-office reply does not answer it.
    """
    queued = []
    language = office_language()
    recipients = OfficeRecipient.objects.for_inquiry(
        cluster_id=inquiry.cluster_id, kind=inquiry.kind
    )
    with translation.override(language):
        notice = render_mail(
            "office_notice",
            {
                "inquiry": inquiry,
                "admin_link": admin_link(inquiry),
                "received": format_date(inquiry.created_at, language, with_time=True),
                "sender_language": _(LANGUAGE_NAMES.get(sender_language(inquiry), "Persian")),
            },
            language=language,
            headers={"Auto-Submitted": "auto-generated", "Reply-To": inquiry.email},
        )
    for email in recipients:
        # Staff addresses are the office's own: a bounce there must still be tried and seen.
        row = mail_queue(
            notice,
            kind=OutgoingMail.Kind.OFFICE_NOTICE,
            to=email,
            inquiry=inquiry,
            skip_bounced=False,
        )
        queued.append(row)
    ack = inquiry_acknowledgement(inquiry=inquiry)
    if ack:
        queued.append(ack)
    outbox_send_soon()
    return [row for row in queued if row]


def inquiry_acknowledgement(*, inquiry: Inquiry) -> OutgoingMail | None:
    language = sender_language(inquiry)
    calendar = OfficeCalendar.current()
    week = WorkingWeek.from_admin()
    received = timezone.localtime(to_gregorian(inquiry.created_at)).date()
    answer_by = week.add(received, calendar.answer_within_days)
    mail = render_mail(
        "acknowledgement",
        {
            "inquiry": inquiry,
            "answer_within": calendar.answer_within_days,
            "answer_by": format_date(answer_by, language),
        },
        language=language,
        headers={"Auto-Submitted": "auto-replied"},
    )
    return mail_queue(
        mail, kind=OutgoingMail.Kind.ACKNOWLEDGEMENT, to=inquiry.email, inquiry=inquiry
    )


@transaction.atomic
def inquiry_answer(*, inquiry: Inquiry, body: str, user) -> InquiryAnswer:
    """Keep staff's answer, mail it to the sender in the acknowledgement's thread, mark answered.

    The body is sanitised with the site's one allow-list. Raises ValueError for an empty answer.
    """
    body = sanitize_html(body)
    if not strip_tags(body).strip():
        raise ValueError("empty answer")
    answer = InquiryAnswer.objects.create(
        inquiry=inquiry, body=body, answered_by=user, answered_at=timezone.now()
    )
    language = sender_language(inquiry)
    ack = inquiry.mails.filter(kind=OutgoingMail.Kind.ACKNOWLEDGEMENT).first()
    earlier = list(
        inquiry.mails.filter(kind__in=[OutgoingMail.Kind.ACKNOWLEDGEMENT, OutgoingMail.Kind.ANSWER])
        .order_by("pk")
        .values_list("message_id", flat=True)
    )
    headers = {}
    if ack:
        # Threads by the acknowledgement (RFC 5322 §3.6.4): every answer replies to it.
        headers = {"In-Reply-To": ack.message_id, "References": " ".join(earlier)}
    mail = render_mail(
        "answer",
        {
            "inquiry": inquiry,
            "answer_html": body,
            "answer_text": _plain(body),
            "answered": format_date(answer.answered_at, language, with_time=True),
        },
        language=language,
        headers=headers,
    )
    # Staff chose to write: their answer goes even if an automatic mail once bounced.
    mail_queue(
        mail, kind=OutgoingMail.Kind.ANSWER, to=inquiry.email, inquiry=inquiry, skip_bounced=False
    )
    if inquiry.status == Inquiry.Status.NEW:
        inquiry.status = Inquiry.Status.ANSWERED
        inquiry.save(update_fields=["status"])
    outbox_send_soon()
    return answer


def _plain(html: str) -> str:
    """The answer's text part: paragraphs kept apart by one blank line, markup dropped."""
    text = strip_tags(html.replace("</p>", "</p>\n\n").replace("<br>", "\n"))
    return re.sub(r"\n{3,}", "\n\n", html_module.unescape(text)).strip()


def inquiries_waiting(*, now: datetime.datetime | None = None) -> list[dict]:
    """Questions still new after more than the calendar's digest days, oldest first.

    Each row: {"inquiry", "waiting" (working days), "received" (text), "admin_link"}.
    """
    now = now or timezone.now()
    calendar = OfficeCalendar.current()
    week = WorkingWeek.from_admin()
    today = timezone.localtime(now).date()
    rows = []
    new = Inquiry.objects.filter(status=Inquiry.Status.NEW, anonymised_at__isnull=True)
    for inquiry in new.select_related("cluster").order_by("created_at", "pk"):
        received = timezone.localtime(to_gregorian(inquiry.created_at)).date()
        waiting = week.between(received, today)
        if waiting > calendar.digest_after_days:
            rows.append({"inquiry": inquiry, "waiting": waiting, "admin_link": admin_link(inquiry)})
    return rows


def inquiries_send_digest(*, now: datetime.datetime | None = None) -> int:
    """Mail each digest recipient the waiting questions routed to them; returns mails queued."""
    language = office_language()
    calendar = OfficeCalendar.current()
    per_address: dict[str, list[dict]] = {}
    for row in inquiries_waiting(now=now):
        inquiry = row["inquiry"]
        row["received"] = format_date(inquiry.created_at, language)
        for email in OfficeRecipient.objects.filter(receives_digest=True).for_inquiry(
            cluster_id=inquiry.cluster_id, kind=inquiry.kind
        ):
            per_address.setdefault(email, []).append(row)
    queued = 0
    for email, rows in sorted(per_address.items()):
        mail = render_mail(
            "digest",
            {"inquiries": rows, "after_days": calendar.digest_after_days},
            language=language,
            headers={"Auto-Submitted": "auto-generated"},
        )
        queued += bool(
            mail_queue(mail, kind=OutgoingMail.Kind.DIGEST, to=email, skip_bounced=False)
        )
    return queued
