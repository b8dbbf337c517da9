from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import JalaliDateTimeField
from core.persian import to_gregorian

from .choices import LANGUAGE_CHOICES


class PageFeedbackQuerySet(models.QuerySet):
    def from_client(self, client_key: str, *, since):
        return self.filter(client_key=client_key, created_at__gte=since)

    def summary(self):
        """One row per page and language: answers, "yes" answers, comments; most answered first."""
        return (
            self.values("path", "language")
            .annotate(
                total=Count("pk"),
                useful=Count("pk", filter=Q(useful=True)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by("-total", "path", "language")
        )


class PageFeedback(models.Model):
    """One reader's answer to "was this page useful?", kept per page address and language."""

    path = models.CharField(_("page address"), max_length=300, db_index=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    useful = models.BooleanField(_("useful"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    client_key = models.CharField(_("client key"), max_length=64, blank=True, editable=False)
    created_at = JalaliDateTimeField(_("received at"), default=timezone.now, editable=False)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="feedback_list_idx"),
            # The per-client limit counts a client's answers of the last hour on every vote.
            models.Index(fields=["client_key", "created_at"], name="feedback_client_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(path__startswith="/"), name="feedback_path_is_local"
            ),
        ]

    def __str__(self):
        return self.path


class FeedbackPage(PageFeedback):
    """The admin's per-page summary of the answers (a proxy: no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = _("feedback summary per page")
        verbose_name_plural = _("feedback summary per page")


class SiteNoticeQuerySet(models.QuerySet):
    def current(self, *, now=None):
        now = now or timezone.now()
        return self.filter(is_active=True, starts_at__lte=now, ends_at__gt=now)

    def unfinished(self, *, now=None):
        """Active notices whose end is still ahead, as a list (it is cached between edits)."""
        now = now or timezone.now()
        return list(self.filter(is_active=True, ends_at__gt=now).order_by("starts_at"))


class SiteNotice(models.Model):
    """A banner across every public page (a closure, a deadline), shown only in its window."""

    class Level(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")

    text = models.CharField(_("text"), max_length=300)
    link = models.CharField(
        _("link"), max_length=300, blank=True, help_text=_("An address on this site, optional.")
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.INFO)
    is_active = models.BooleanField(_("active"), default=True)
    starts_at = JalaliDateTimeField(_("starts at"))
    ends_at = JalaliDateTimeField(_("ends at"))

    objects = SiteNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="notice_ends_after_start",
                violation_error_message=_("A notice must end after it starts."),
            ),
            models.CheckConstraint(
                # Browsers read "/\\host" like "//host", and drop tabs and line breaks from
                # a URL ("/\t/host"): each would lead to another site.
                condition=Q(link="")
                | (
                    Q(link__startswith="/")
                    & ~Q(link__startswith="//")
                    & ~Q(link__startswith="/\\")
                    & ~Q(link__contains="\t")
                    & ~Q(link__contains="\n")
                    & ~Q(link__contains="\r")
                ),
                name="notice_link_is_local",
                violation_error_message=_("The link must be an address on this site, like /news/."),
            ),
        ]

    def __str__(self):
        return self.text

    def is_showing(self, now) -> bool:
        """Inside its window at `now` (an aware datetime)."""
        return self.is_active and to_gregorian(self.starts_at) <= now < to_gregorian(self.ends_at)
