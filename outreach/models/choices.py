"""Choices shared by models that must not import each other (inquiries, office rules)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InquiryKind(models.TextChoices):
    INVEST = "invest", _("I want to invest in a cluster")
    JOIN = "join", _("I want to join a cluster")
    PARTNER = "partner", _("I want to partner with a cluster")
