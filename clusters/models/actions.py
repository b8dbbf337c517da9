"""The joint actions register: what each cluster's firms do together, and how far it has got."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from core.persian import active_language, format_date


class JointActionQuerySet(models.QuerySet):
    def with_latest_actual(self):
        """Each action with the value and date of its latest report that gave a value."""
        latest = ProgressReport.objects.filter(
            action=OuterRef("pk"), actual__isnull=False
        ).order_by("-reported_on", "-pk")
        return self.annotate(
            latest_actual=Subquery(latest.values("actual")[:1]),
            latest_actual_on=Subquery(latest.values("reported_on")[:1]),
        )


class JointAction(models.Model):
    """A joint action or sub-project of a cluster, measured by one indicator.

    The indicator is kept as plain numbers and a unit here; carpet statistics live in their own
    app, which this one does not import.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("cluster"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_projects",
        verbose_name=_("part of"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    objects = JointActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("joint action")
        verbose_name_plural = _("joint actions")
        ordering = ["cluster", "order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An action cannot be part of itself.")})
        if self.parent_id and self.parent.cluster_id != self.cluster_id:
            raise ValidationError({"parent": _("A sub-project belongs to its parent's cluster.")})


class ProgressReport(models.Model):
    """A dated report on a joint action, optionally with the indicator's value at that date."""

    action = models.ForeignKey(
        JointAction,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("joint action"),
    )
    reported_on = jmodels.jDateField(_("reported on"))
    actual = models.DecimalField(
        _("actual value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    text = models.TextField(_("report"))

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["action", "-reported_on", "-pk"]

    def __str__(self):
        date = format_date(self.reported_on, active_language()) if self.reported_on else ""
        return f"{self.action} – {date}"
