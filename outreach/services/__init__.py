"""Writes with side effects: submitting, confirming, sending, anonymising."""

from .alerts import (
    alerts_send_pending,
    subscriber_confirm,
    subscriber_request,
    subscriber_unsubscribe,
)
from .feedback import feedback_submit
from .inquiries import inquiries_anonymise, inquiry_set_status, inquiry_submit

__all__ = [
    "alerts_send_pending",
    "feedback_submit",
    "inquiries_anonymise",
    "inquiry_set_status",
    "inquiry_submit",
    "subscriber_confirm",
    "subscriber_request",
    "subscriber_unsubscribe",
]
