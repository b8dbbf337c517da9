"""Writes with side effects: submitting, confirming, sending, anonymising."""

from .alerts import (
    alerts_send_pending,
    subscriber_confirm,
    subscriber_request,
    subscriber_unsubscribe,
)
from .feedback import feedback_submit
from .inquiries import inquiries_anonymise, inquiry_set_status, inquiry_submit
from .inquiry_mail import inquiries_send_digest, inquiry_answer, inquiry_notify
from .outbox import outbox_send_due, outbox_send_soon
from .retention import personal_data_expire

__all__ = [
    "alerts_send_pending",
    "feedback_submit",
    "inquiries_anonymise",
    "inquiries_send_digest",
    "inquiry_answer",
    "inquiry_notify",
    "inquiry_set_status",
    "inquiry_submit",
    "outbox_send_due",
    "outbox_send_soon",
    "personal_data_expire",
    "subscriber_confirm",
    "subscriber_request",
    "subscriber_unsubscribe",
]
