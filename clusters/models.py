"""The cluster programme: what a cluster is, the laws behind it, the office, and the clusters."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels


class Office(models.Model):
    """The provincial industrial-clusters office; one row, edited in the admin.

    The source document dates its content; that date is the site's "last updated" line.
    """

    name = models.CharField(_("name"), max_length=200)
    parent_organization = models.CharField(_("parent organisation"), max_length=300)
    established = models.CharField(
        _("established"), max_length=300, help_text=_("As the office reports it.")
    )
    summary = models.TextField(_("summary"))
    content_updated_on = jmodels.jDateField(_("content last updated on"))

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("office")

    def __str__(self):
        return self.name


class InfoPage(models.Model):
    """A narrative page of the about section: the cluster concept, the office's history."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), help_text=_("Paragraphs separated by a blank line."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class LegalBasis(models.Model):
    """A law or approval that the cluster programme rests on."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    instrument = models.CharField(
        _("legal instrument"), max_length=300, help_text=_("The law or body, e.g. the plan law.")
    )
    summary = models.TextField(_("summary"))

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="legalbasis_number_positive"),
        ]

    def __str__(self):
        return self.title


class Advantage(models.Model):
    """One advantage of cluster-based development, as the office lists them."""

    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("advantage")
        verbose_name_plural = _("advantages")
        ordering = ["order"]

    def __str__(self):
        return self.title


class ClusterQuerySet(models.QuerySet):
    def ranked(self, ranking=None):
        """Clusters of a ranking edition (the current one by default), best rank first."""
        ranking = ranking or PriorityRanking.objects.current()
        if ranking is None:
            return self.none()
        return (
            self.filter(rankings__ranking=ranking)
            .annotate(rank=models.F("rankings__rank"))
            .order_by("rankings__rank")
        )


class Cluster(models.Model):
    """An industrial cluster of the province: a sector concentrated in one area."""

    class Sector(models.TextChoices):
        MINING = "mining", _("Mining and metals")
        HANDICRAFT = "handicraft", _("Handicrafts")
        MANUFACTURING = "manufacturing", _("Manufacturing")
        SERVICES = "services", _("Services and tourism")
        AGRIFOOD = "agrifood", _("Agriculture and food")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    summary = models.TextField(_("summary"))
    profile = models.TextField(_("profile"), help_text=_("Paragraphs separated by a blank line."))

    objects = ClusterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:cluster-detail", kwargs={"slug": self.slug})


class PriorityRankingQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()


class PriorityRanking(models.Model):
    """An edition of the province's priority ranking of clusters.

    Rankings are revised (the source notes an update planned for 1393), so each edition is kept
    and exactly one is current.
    """

    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("Jalali year"), null=True, blank=True, help_text=_("Leave empty if not reported.")
    )
    approved_by = models.CharField(_("approved by"), max_length=300, blank=True)
    approved_on = jmodels.jDateField(_("approved on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_current = models.BooleanField(_("current edition"), default=False)

    objects = PriorityRankingQuerySet.as_manager()

    class Meta:
        verbose_name = _("priority ranking")
        verbose_name_plural = _("priority rankings")
        ordering = ["-is_current", "-year", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="one_current_ranking",
                violation_error_message=_("Only one ranking edition can be current."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1300, year__lte=1500),
                name="ranking_year_jalali",
            ),
        ]

    def __str__(self):
        return self.title


class RankedCluster(models.Model):
    """A cluster's place in one ranking edition."""

    ranking = models.ForeignKey(
        PriorityRanking, on_delete=models.CASCADE, related_name="entries", verbose_name=_("ranking")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="rankings", verbose_name=_("cluster")
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    rationale = models.TextField(_("rationale"), blank=True)

    class Meta:
        verbose_name = _("ranked cluster")
        verbose_name_plural = _("ranked clusters")
        ordering = ["ranking", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "rank"],
                name="unique_rank_per_edition",
                violation_error_message=_("Two clusters cannot share a rank in one edition."),
            ),
            models.UniqueConstraint(
                fields=["ranking", "cluster"],
                name="unique_cluster_per_edition",
                violation_error_message=_("A cluster appears once in an edition."),
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="rank_positive"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.cluster}"


class DevelopmentProject(models.Model):
    """A cluster's development project in the UNIDO model, run by a development agent (CDA)."""

    class AgentSelection(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        FINAL_STAGE = "final_stage", _("In the final stage")
        CONTRACTED = "contracted", _("Contract signed")

    cluster = models.OneToOneField(
        Cluster, on_delete=models.CASCADE, related_name="project", verbose_name=_("cluster")
    )
    agent_selection = models.CharField(
        _("development agent selection"),
        max_length=20,
        choices=AgentSelection.choices,
        default=AgentSelection.NOT_STARTED,
    )
    agent_name = models.CharField(_("development agent"), max_length=300, blank=True)
    contract_years = models.PositiveSmallIntegerField(_("contract length (years)"), default=3)
    contract_start = jmodels.jDateField(_("contract start"), null=True, blank=True)
    status_note = models.TextField(_("status note"), blank=True)

    class Meta:
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(contract_years__gte=1, contract_years__lte=10),
                name="contract_years_range",
            ),
        ]

    def __str__(self):
        return str(self.cluster)
