"""The actors of each cluster, and the counts the office reported before the directory existed."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.collation import by_name
from core.fields import JalaliDateTimeField

from ..validators import validate_plain_text


class OrganisationKind(models.TextChoices):
    FIRM = "firm", _("Firm")
    COOPERATIVE = "cooperative", _("Cooperative")
    UNION = "union", _("Union")
    ASSOCIATION = "association", _("Association")
    TRAINING_SCHOOL = "training_school", _("Training school")
    DYEING_UNIT = "dyeing_unit", _("Dyeing unit")
    SUPPORT_BODY = "support_body", _("Support body")
    DEVELOPMENT_AGENT = "development_agent", _("Development agent")


class County(models.TextChoices):
    """The counties of Zanjan province."""

    ZANJAN = "zanjan", _("Zanjan")
    ABHAR = "abhar", _("Abhar")
    KHODABANDEH = "khodabandeh", _("Khodabandeh")
    KHORRAMDARREH = "khorramdarreh", _("Khorramdarreh")
    TAROM = "tarom", _("Tarom")
    IJRUD = "ijrud", _("Ijrud")
    MAHNESHAN = "mahneshan", _("Mahneshan")
    SOLTANIYEH = "soltaniyeh", _("Soltaniyeh")


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        return self.select_related("cluster").order_by(
            by_name("cluster__name"), "kind", by_name("name")
        )

    def filtered(self, *, cluster=None, kind="", county=""):
        """The directory's filters; an empty value means "any"."""
        lookups = {"cluster": cluster, "kind": kind, "county": county}
        return self.filter(**{field: value for field, value in lookups.items() if value})


class Organisation(models.Model):
    """A firm, cooperative, union, school or other body active in a cluster.

    Contact details are stored for the office's own use; the public sees them only when the
    office has chosen to publish them (`publish_contact`).
    """

    name = models.CharField(_("name"), max_length=200, validators=[validate_plain_text])
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("cluster")
    )
    county = models.CharField(
        _("county"),
        max_length=20,
        choices=County.choices,
        blank=True,
        help_text=_("Leave empty if not reported."),
    )
    city = models.CharField(
        _("city or village"), max_length=100, blank=True, validators=[validate_plain_text]
    )
    description = models.CharField(
        _("short description"), max_length=500, blank=True, validators=[validate_plain_text]
    )
    publish_contact = models.BooleanField(
        _("publish contact details"),
        default=False,
        help_text=_("Only when the organisation has agreed to have them shown on the site."),
    )
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[validate_plain_text]
    )
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(
        _("address"), max_length=300, blank=True, validators=[validate_plain_text]
    )
    website = models.URLField(_("website"), blank=True)
    created_at = JalaliDateTimeField(_("created at"), auto_now_add=True)
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = [by_name("name")]
        # django-import-export checks these (IMPORT_EXPORT_*_PERMISSION_CODE in settings):
        # a file import or export reaches every row, so it is its own right, not "change".
        permissions = [
            ("import_organisation", _("Can import organisations from a file")),
            ("export_organisation", _("Can export organisations to a file")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "kind", "name_fa"],
                name="unique_organisation_per_cluster_kind",
                violation_error_message=_(
                    "This cluster already lists an organisation of this kind with this name."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:organisation-detail", kwargs={"pk": self.pk})

    @property
    def has_public_contact(self) -> bool:
        return self.publish_contact and any([self.phone, self.email, self.address])


class ReportedFigure(models.Model):
    """How many organisations of a kind a source reported for a cluster in a Jalali year.

    The directory may not (yet) hold every organisation the office counted: the source names only
    one of the carpet cluster's 36 bodies. Pages show this figure, labelled as reported, until
    the directory lists as many.
    """

    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        related_name="reported_figures",
        verbose_name=_("cluster"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    value = models.PositiveIntegerField(_("reported number"))
    year = models.PositiveSmallIntegerField(_("Jalali year"))
    qualifier = models.CharField(
        _("qualifier"),
        max_length=200,
        blank=True,
        help_text=_("As the source words it, e.g. 'being founded'."),
        validators=[validate_plain_text],
    )
    source = models.CharField(_("source"), max_length=300, validators=[validate_plain_text])

    class Meta:
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        ordering = ["cluster", "kind", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "kind", "year"],
                name="one_reported_figure_per_kind_year",
                violation_error_message=_(
                    "A figure for this cluster, kind and year is already recorded."
                ),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1300, year__lte=1500), name="reported_figure_year_jalali"
            ),
        ]

    def __str__(self):
        return f"{self.cluster} · {self.get_kind_display()} · {self.year}"


@dataclass(frozen=True)
class KindCount:
    """One line of a cluster's count by kind: what the directory lists and what was reported."""

    kind: str
    label: str
    listed: int
    reported: ReportedFigure | None

    @property
    def complete(self) -> bool:
        """The directory holds at least as many as the latest report, so its count stands."""
        return self.reported is None or self.listed >= self.reported.value


def kind_counts(cluster) -> list[KindCount]:
    """Each kind the directory lists or a source reported for the cluster, in the kinds' order."""
    listed = dict(
        Organisation.objects.filter(cluster=cluster)
        .values_list("kind")
        .annotate(total=Count("pk"))
        .order_by()
    )
    reported = {}
    for figure in ReportedFigure.objects.filter(cluster=cluster).order_by("kind", "-year"):
        reported.setdefault(figure.kind, figure)
    return [
        KindCount(kind=kind, label=label, listed=listed.get(kind, 0), reported=reported.get(kind))
        for kind, label in OrganisationKind.choices
        if kind in listed or kind in reported
    ]
