"""The office's news, events and announcements."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from clusters.models import Cluster


class Category(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: published, and its publish time has passed.

        A scheduled post is simply a published one with a future time, so it appears on time
        without any background job.
        """
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=timezone.now())

    def important(self):
        return self.published().filter(is_important=True)

    def upcoming_events(self):
        """Published events that have not ended yet, soonest first."""
        now = timezone.now()
        return (
            self.published()
            .filter(kind=Post.Kind.EVENT)
            .filter(Q(event_end__gte=now) | Q(event_end__isnull=True, event_start__gte=now))
            .order_by("event_start")
        )

    def for_listing(self):
        return self.select_related("category").order_by("-publish_at", "-pk")


class Post(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        EVENT = "event", _("Event")
        ANNOUNCEMENT = "announcement", _("Announcement")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), help_text=_("Paragraphs separated by a blank line."))
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
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = jmodels.jDateTimeField(_("publish at"), default=timezone.now, db_index=True)
    is_important = models.BooleanField(_("important"), default=False)
    event_start = jmodels.jDateTimeField(_("event starts"), null=True, blank=True)
    event_end = jmodels.jDateTimeField(_("event ends"), null=True, blank=True)
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
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"], name="post_visible_idx")]
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

    def clean(self):
        if self.kind == self.Kind.EVENT and not self.event_start:
            raise ValidationError({"event_start": _("An event needs a start time.")})
