"""Choices shared by models that must not import each other (inquiries, office rules)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The site's languages: a stored code ("fa") reads as the language's name ("فارسی") in the admin.
LANGUAGE_CHOICES = settings.LANGUAGES


class InquiryKind(models.TextChoices):
    INVEST = "invest", _("I want to invest in a cluster")
    JOIN = "join", _("I want to join a cluster")
    PARTNER = "partner", _("I want to partner with a cluster")
