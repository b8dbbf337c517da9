"""Who at the office hears of a question, and when the office works (for "by when" and digests)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from clusters.models import Cluster

from .choices import InquiryKind


class OfficeRecipientQuerySet(models.QuerySet):
    def for_inquiry(self, *, cluster_id: int | None, kind: str) -> list[str]:
        """Addresses for a question: the most specific rules that match, else the default ones.

        Specific means: cluster and subject both match; then cluster only; then subject only;
        then the default rows (no cluster, no subject). Returns sorted, distinct addresses.
        """
        active = self.filter(is_active=True)
        tiers = [
            Q(cluster_id=cluster_id, kind=kind) if cluster_id else None,
            Q(cluster_id=cluster_id, kind="") if cluster_id else None,
            Q(cluster__isnull=True, kind=kind),
            Q(cluster__isnull=True, kind=""),
        ]
        for condition in tiers:
            if condition is None:
                continue
            emails = sorted(set(active.filter(condition).values_list("email", flat=True)))
            if emails:
                return emails
        return []


class OfficeRecipient(models.Model):
    """An office address that receives new questions: for a cluster, a subject, or by default."""

    email = models.EmailField(_("email"))
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="office_recipients",
        verbose_name=_("cluster"),
        help_text=_("Empty: questions about any cluster."),
    )
    kind = models.CharField(
        _("subject"),
        max_length=20,
        choices=InquiryKind.choices,
        blank=True,
        help_text=_("Empty: questions on any subject."),
    )
    receives_digest = models.BooleanField(
        _("receives the daily digest"),
        default=True,
        help_text=_("The daily list of questions still unanswered after the set working days."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = OfficeRecipientQuerySet.as_manager()

    class Meta:
        verbose_name = _("office recipient")
        verbose_name_plural = _("office recipients")
        ordering = ["cluster", "kind", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "cluster", "kind"], name="office_recipient_unique"
            ),
            # NULL clusters never clash in a plain unique index: the "any cluster" rows apart.
            models.UniqueConstraint(
                fields=["email", "kind"],
                condition=Q(cluster__isnull=True),
                name="office_recipient_unique_any_cluster",
            ),
        ]

    def __str__(self):
        return self.email


class OfficeCalendar(models.Model):
    """The office's working week and promises; one row, edited in the admin.

    The Iranian week runs Saturday to Friday; Friday is always off, Thursday as set here.
    """

    thursday_is_working = models.BooleanField(_("Thursday is a working day"), default=False)
    answer_within_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"),
        default=5,
        help_text=_("The acknowledgement promises an answer within this many working days."),
    )
    digest_after_days = models.PositiveSmallIntegerField(
        _("digest after (working days)"),
        default=3,
        help_text=_("The daily digest lists questions still new after this many working days."),
    )

    class Meta:
        verbose_name = _("office calendar")
        verbose_name_plural = _("office calendar")

    def __str__(self):
        return str(_("office calendar"))

    def clean(self):
        if not self.pk and OfficeCalendar.objects.exists():
            raise ValidationError(_("The office has one calendar: edit the existing one."))

    @classmethod
    def current(cls) -> "OfficeCalendar":
        """The saved calendar, or the defaults when nobody has set one (not saved)."""
        return cls.objects.order_by("pk").first() or cls()


class OfficeHoliday(models.Model):
    """A day the office is closed besides Fridays (Nowruz, religious and national holidays)."""

    date = jmodels.jDateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("office holiday")
        verbose_name_plural = _("office holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.name}".strip()
