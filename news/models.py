"""The office's news, events and announcements."""

import jdatetime
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from clusters.models import Cluster, LegalBasis
from core.collation import by_name
from core.fields import JalaliDateTimeField
from core.persian import to_gregorian, to_jalali
from core.sanitize import PROSE_EDITOR_EXTENSIONS, sanitize_html
from core.uploads import ServerNamedUpload

from . import choices
from .querysets import EVENT_OVER_AT, PostQuerySet
from .validators import validate_image, validate_pdf


def jalali_now() -> jdatetime.datetime:
    """Now, in local time and the Jalali calendar: a Gregorian default would be shown in the
    admin's Jalali date widget as if it were a Jalali date, six centuries ahead."""
    return to_jalali(timezone.now())


class Category(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", by_name("name")]

    def __str__(self):
        return self.name


class Post(models.Model):
    Kind = choices.Kind
    Status = choices.Status

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    lead = models.TextField(_("lead"), blank=True)
    # Sanitised in model cleaning, which the admin, the services and the loaders all run.
    body = ProseEditorField(
        _("body"), config={"extensions": PROSE_EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    cover_image = models.ImageField(
        _("cover image"),
        upload_to=ServerNamedUpload("news/covers/%Y/%m/"),
        blank=True,
        validators=[validate_image],
        help_text=_("JPEG, PNG, WebP or GIF. Needs a text alternative."),
    )
    cover_alt = models.CharField(
        _("image text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="posts",
        verbose_name=_("category"),
        null=True,
        blank=True,
    )
    clusters = models.ManyToManyField(
        Cluster, related_name="posts", verbose_name=_("related clusters"), blank=True
    )
    legal_bases = models.ManyToManyField(
        LegalBasis, related_name="posts", verbose_name=_("legal bases cited"), blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = JalaliDateTimeField(_("publish at"), default=jalali_now, db_index=True)
    is_important = models.BooleanField(_("important"), default=False)
    event_start = JalaliDateTimeField(_("event starts"), null=True, blank=True)
    event_end = JalaliDateTimeField(_("event ends"), null=True, blank=True)
    event_place = models.CharField(_("event place"), max_length=300, blank=True)
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Sample content for a new installation; labelled as such on the site."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("author"),
    )
    created_at = JalaliDateTimeField(_("created at"), auto_now_add=True)
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-publish_at", "-pk"]
        permissions = [("publish_post", _("Can publish, schedule and unpublish posts"))]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="post_visible_idx"),
            models.Index(EVENT_OVER_AT, condition=Q(kind="event"), name="post_event_over_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(event_end__isnull=True)
                | Q(event_start__isnull=False, event_end__gte=models.F("event_start")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:post-detail", kwargs={"pk": self.pk, "slug": self.slug})

    def get_preview_url(self):
        return reverse("news:post-preview", kwargs={"pk": self.pk})

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_scheduled

    @property
    def is_event(self) -> bool:
        return self.kind == self.Kind.EVENT and self.event_start is not None

    @property
    def event_is_past(self) -> bool:
        """Over: its end has passed, or its start when it has no end (as EVENT_OVER_AT)."""
        if not self.is_event:
            return False
        return to_gregorian(self.event_end or self.event_start) < timezone.now()

    def clean(self):
        errors = {}
        if self.kind == self.Kind.EVENT and not self.event_start:
            errors["event_start"] = _("An event needs a start time.")
        # Persian is the required language, so its text alternative is the one that must exist.
        if self.cover_image and not (getattr(self, "cover_alt_fa", None) or self.cover_alt):
            errors["cover_alt_fa"] = _("An image needs a text alternative.")
        if errors:
            raise ValidationError(errors)


class Attachment(models.Model):
    """A document published with a post; PDF only, checked by its bytes."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("post")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=ServerNamedUpload("news/attachments/%Y/%m/"),
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("PDF only."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title
