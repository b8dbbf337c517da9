"""Carpet-sector statistics: indicators, their sources, and observations with provenance."""

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from clusters.models import Cluster
from core.collation import by_name
from core.fields import JalaliDateTimeField
from core.persian import local_datetime, localize_digits


class Source(models.Model):
    """Where a reported figure comes from: the body that reported it and when."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=300)
    published_on = jmodels.jDateField(_("published or recorded on"), null=True, blank=True)
    url = models.URLField(_("address"), blank=True)
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = [by_name("name")]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A measured quantity of the sector, e.g. the number of looms."""

    class Group(models.TextChoices):
        """The reader's questions the statistics page answers, in the order it answers them."""

        PEOPLE = "people", _("People")
        ORGANISATIONS = "organisations", _("Workshops, organisations and schools")
        PRODUCTION = "production", _("Production and trade")
        OTHER = "other", _("Other figures")

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
    group = models.CharField(
        _("group"),
        max_length=20,
        choices=Group.choices,
        default=Group.OTHER,
        help_text=_("Where the statistics page lists the figure."),
    )
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("carpets:indicator-detail", kwargs={"slug": self.slug})


class ObservationQuerySet(models.QuerySet):
    def with_provenance(self):
        return self.select_related("indicator", "source")

    def matching(
        self,
        *,
        cluster: str | None = None,
        indicator: str | None = None,
        scope: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ):
        """The filters the downloads and the API offer, in one place (None means any)."""
        queryset = self
        if cluster:
            queryset = queryset.filter(indicator__cluster__slug=cluster)
        if indicator:
            queryset = queryset.filter(indicator__slug=indicator)
        if scope:
            queryset = queryset.filter(scope=scope)
        if year_from is not None:
            queryset = queryset.filter(year__gte=year_from)
        if year_to is not None:
            queryset = queryset.filter(year__lte=year_to)
        return queryset

    def in_table_order(self):
        return self.with_provenance().order_by("indicator__order", "scope", "year", "source__pk")

    def last_changed(self):
        """When the dataset last changed: an observation, its indicator or its source."""
        stamps = self.aggregate(
            observation=models.Max("updated_at"),
            indicator=models.Max("indicator__updated_at"),
            source=models.Max("source__updated_at"),
        )
        return local_datetime(max((stamp for stamp in stamps.values() if stamp), default=None))

    def latest_per_indicator(self, scope: str = "province"):
        """Each indicator's newest figure in the scope: the latest year, the last entered of
        several sources for it. One query, however many years are stored."""
        in_scope = self.filter(scope=scope)
        newest = in_scope.filter(indicator=OuterRef("indicator")).order_by("-year", "-pk")
        return in_scope.filter(pk=Subquery(newest.values("pk")[:1]))


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
    method_note = models.TextField(
        _("method note"),
        blank=True,
        help_text=_("How the figure was obtained, as far as the source says."),
    )
    recorded_on = jmodels.jDateField(
        _("recorded on"),
        null=True,
        blank=True,
        help_text=_("The date the figure refers to, when it differs from the source's date."),
    )
    note = models.TextField(_("note"), blank=True)
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator__order", "year", "source"]
        # django-import-export checks these (IMPORT_EXPORT_*_PERMISSION_CODE in settings):
        # a file import or export reaches every row, so it is its own right, not "change".
        permissions = [
            ("import_observation", _("Can import observations from a file")),
            ("export_observation", _("Can export observations to a file")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "scope", "source"],
                name="one_value_per_source_year_scope",
                violation_error_message=_(
                    "This source already has a value for this indicator, year and scope."
                ),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1300, year__lte=1500),
                name="observation_year_jalali",
                violation_error_message=_("The year must be a Jalali year from 1300 to 1500."),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="observation_value_not_negative",
                violation_error_message=_("A value cannot be negative."),
            ),
        ]

    def __str__(self):
        # The year in the reader's digits: titles, breadcrumbs and messages of the admin.
        return f"{self.indicator} ({localize_digits(self.year)})"

    @property
    def dated_on(self):
        """The observation's own record date, or else its source's publication date."""
        return self.recorded_on or self.source.published_on
