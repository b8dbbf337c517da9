"""A post's kinds and statuses, on their own so the models and querysets both import them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    EVENT = "event", _("Event")
    ANNOUNCEMENT = "announcement", _("Announcement")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
