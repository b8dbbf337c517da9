"""The province's clusters."""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.collation import by_name
from core.fields import JalaliDateTimeField

from .actions import JointAction
from .projects import DevelopmentProject, ProjectPhase
from .rankings import PriorityRanking, RankedCluster


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

    def with_programme_status(self):
        """Every cluster with its current rank (or None) and the phase it has reached.

        The phase reached is the furthest UNIDO phase reported as in progress or completed, so a
        cluster whose project has no reported phase has None: "not yet reported", never a guess.
        """
        rank = RankedCluster.objects.filter(cluster=OuterRef("pk"), ranking__is_current=True)
        reached = ProjectPhase.objects.filter(
            project__cluster=OuterRef("pk"),
            status__in=[ProjectPhase.Status.IN_PROGRESS, ProjectPhase.Status.COMPLETED],
        ).order_by("-phase")
        agent = DevelopmentProject.objects.filter(cluster=OuterRef("pk"))
        actions = (
            JointAction.objects.filter(cluster=OuterRef("pk"))
            .order_by()
            .values("cluster")
            .annotate(count=Count("pk"))
        )
        return self.annotate(
            action_count=Coalesce(Subquery(actions.values("count")), 0),
            rank=Subquery(rank.values("rank")[:1]),
            phase_reached=Subquery(reached.values("phase")[:1]),
            phase_reached_status=Subquery(reached.values("status")[:1]),
            agent_selection=Subquery(agent.values("agent_selection")[:1]),
        ).order_by(models.F("rank").asc(nulls_last=True), by_name("name"))


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
    # For harvesters (`/api/v1/clusters/?updated_since=`).
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = [by_name("name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:cluster-detail", kwargs={"slug": self.slug})

    # Labels of the values `with_programme_status()` annotates.
    @property
    def phase_reached_label(self):
        return ProjectPhase.Phase(self.phase_reached).label

    @property
    def phase_reached_status_label(self):
        return ProjectPhase.Status(self.phase_reached_status).label

    @property
    def agent_selection_label(self):
        if not self.agent_selection:
            return ""
        return DevelopmentProject.AgentSelection(self.agent_selection).label
