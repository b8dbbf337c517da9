"""Outreach rows for tests, each valid as it is with any field overridable. What a visitor
sends (a form's POST data) is in tests/outreach/forms.py."""

import itertools

from outreach.models import Inquiry, OutgoingMail

_numbers = itertools.count(1)


def make_inquiry(**fields) -> Inquiry:
    """A new investment question from مریم with its own reference (ZC-1405-9xxxxx, outside
    the numbers the portal gives); `fields` override the defaults (status, created_at, …)."""
    defaults = {
        "reference": f"ZC-1405-{900000 + next(_numbers)}",
        "kind": Inquiry.Kind.INVEST,
        "name": "مریم",
        "email": "maryam@example.org",
        "message": "پرسش",
    }
    return Inquiry.objects.create(**(defaults | fields))


def make_outgoing_mail(inquiry: Inquiry, **fields) -> OutgoingMail:
    """A mail of `inquiry` in the outbox (by default its acknowledgement to the sender, waiting
    to be sent) with its own Message-ID; `fields` override (kind, status, attempts, …)."""
    number = next(_numbers)
    defaults = {
        "kind": OutgoingMail.Kind.ACKNOWLEDGEMENT,
        "to": inquiry.email,
        "subject": "پاسخ",
        "body_text": "پاسخ",
        "body_html": "<p>پاسخ</p>",
        "message_id": f"<mail-{number}@testserver>",
    }
    return OutgoingMail.objects.create(inquiry=inquiry, **(defaults | fields))
