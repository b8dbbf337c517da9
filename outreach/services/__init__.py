"""Writes with side effects: submitting, confirming, sending, anonymising."""

from .alerts import (
    alerts_send_pending,
    subscriber_confirm,
    subscriber_request,
    subscriber_unsubscribe,
)
from .feedback import feedback_submit
from .inquiries import inquiries_anonymise, inquiry_set_status, inquiry_submit
from .retention import personal_data_expire

__all__ = [
    "alerts_send_pending",
    "feedback_submit",
    "inquiries_anonymise",
    "inquiry_set_status",
    "inquiry_submit",
    "personal_data_expire",
    "subscriber_confirm",
    "subscriber_request",
    "subscriber_unsubscribe",
]
