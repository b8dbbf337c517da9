"""Carpet-sector statistics: indicators, their sources, and observations with provenance."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from clusters.models import Cluster


class Source(models.Model):
    """Where a reported figure comes from: the body that reported it and when."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=300)
    published_on = jmodels.jDateField(_("published or recorded on"), null=True, blank=True)
    url = models.URLField(_("address"), blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A measured quantity of the sector, e.g. the number of looms."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60)
    description = models.TextField(_("description"), blank=True)
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("cluster"),
        null=True,
        blank=True,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class ObservationQuerySet(models.QuerySet):
    def with_provenance(self):
        return self.select_related("indicator", "source")

    def latest_for(self, indicator_slug: str, scope: str = "province"):
        return (
            self.filter(indicator__slug=indicator_slug, scope=scope)
            .order_by("-year", "-pk")
            .first()
        )


class Observation(models.Model):
    """One reported value of an indicator for a Jalali year, from one source.

    Several sources for the same indicator and year are kept side by side, never overwritten.
    """

    class Scope(models.TextChoices):
        PROVINCE = "province", _("Zanjan province")
        NATIONAL = "national", _("Iran (national)")

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("Jalali year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="observations", verbose_name=_("source")
    )
    reported_as = models.CharField(
        _("reported as"), max_length=300, blank=True, help_text=_("The wording of the source.")
    )
    is_estimate = models.BooleanField(_("estimate"), default=False)
    note = models.TextField(_("note"), blank=True)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator__order", "year", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "scope", "source"],
                name="one_value_per_source_year_scope",
                violation_error_message=_(
                    "This source already has a value for this indicator, year and scope."
                ),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1300, year__lte=1500), name="observation_year_jalali"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="observation_value_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} ({self.year})"
