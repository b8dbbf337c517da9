"""Choices and fields shared by models that must not import each other (inquiries, office
rules, the outbox and alert deliveries)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The site's languages: a stored code ("fa") reads as the language's name ("فارسی") in the admin.
LANGUAGE_CHOICES = settings.LANGUAGES


class InquiryKind(models.TextChoices):
    INVEST = "invest", _("I want to invest in a cluster")
    JOIN = "join", _("I want to join a cluster")
    PARTNER = "partner", _("I want to partner with a cluster")


def mail_server_error_field() -> models.CharField:
    """A sent mail's `last_error`: the mail server's own words, kept as they came for the
    operator (usually English), under a Persian label that says so."""
    return models.CharField(
        _("mail server's error (original text)"),
        max_length=500,
        blank=True,
        help_text=_(
            "The mail server's reply when sending last failed, as it came, usually in English."
        ),
    )
