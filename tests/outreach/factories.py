"""Outreach rows for tests, each valid as it is with any field overridable. What a visitor
sends (a form's POST data) is in tests/outreach/forms.py."""

import itertools

from outreach.models import Inquiry

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
