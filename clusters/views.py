from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.generic import DetailView, ListView, TemplateView

from core.content_cache import cached_object_or_404

from .forms import ClusterFilterForm
from .models import (
    Advantage,
    Cluster,
    DevelopmentProject,
    InfoPage,
    JointAction,
    LegalBasis,
    Office,
    PriorityRanking,
    ProjectPhase,
    RankedCluster,
)


class AboutView(TemplateView):
    """The concept of a cluster, its advantages and the office's history, on one page."""

    template_name = "clusters/about.html"

    def get_context_data(self, **kwargs):
        pages = {page.slug: page for page in InfoPage.objects.all()}
        return super().get_context_data(
            concept=pages.get("concept"),
            history=pages.get("history"),
            advantages=Advantage.objects.all(),
            office=Office.objects.first(),
            **kwargs,
        )


class LegalBasisListView(ListView):
    model = LegalBasis
    template_name = "clusters/legalbasis_list.html"
    context_object_name = "legal_bases"


class LegalBasisDetailView(DetailView):
    """A law and everything of the programme it supports."""

    template_name = "clusters/legalbasis_detail.html"
    context_object_name = "basis"
    slug_field = "number"
    slug_url_kwarg = "number"

    def get_queryset(self):
        return LegalBasis.objects.prefetch_related(
            "clusters",
            Prefetch("phases", ProjectPhase.objects.select_related("project__cluster")),
            Prefetch("actions", JointAction.objects.select_related("cluster")),
        )


def edition_context(ranking):
    """An edition with its criteria and entries, each entry with its per-criterion scores."""
    if ranking is None:
        return {"ranking": None}
    criteria = list(ranking.criteria.all())
    entries = list(ranking.entries.select_related("cluster").prefetch_related("criterion_scores"))
    for entry in entries:
        scores = {score.criterion_id: score.score for score in entry.criterion_scores.all()}
        entry.scores_in_order = [scores.get(criterion.pk) for criterion in criteria]
    return {"ranking": ranking, "criteria": criteria, "entries": entries}


class ClusterListView(ListView):
    """The current priority ranking and why each cluster holds its place, then every cluster."""

    template_name = "clusters/cluster_list.html"
    context_object_name = "ranked_clusters"

    def get_queryset(self):
        self.ranking = PriorityRanking.objects.current()
        return Cluster.objects.ranked(self.ranking)

    def get_context_data(self, **kwargs):
        ranked_ids = [cluster.pk for cluster in self.object_list]
        return super().get_context_data(
            **edition_context(self.ranking),
            earlier_editions=PriorityRanking.objects.earlier(),
            other_clusters=Cluster.objects.exclude(pk__in=ranked_ids),
            **kwargs,
        )


class RankingListView(ListView):
    """Every edition of the priority ranking, the current one first."""

    queryset = PriorityRanking.objects.public()
    template_name = "clusters/ranking_list.html"
    context_object_name = "editions"


class RankingDetailView(DetailView):
    queryset = PriorityRanking.objects.public()
    template_name = "clusters/ranking_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**edition_context(self.object), **kwargs)


class ClusterCompareView(ListView):
    """Clusters side by side: rank, sector, phase reached, agent; filtered by sector and phase."""

    template_name = "clusters/cluster_compare.html"
    context_object_name = "clusters"

    @cached_property
    def form(self):
        return ClusterFilterForm(self.request.GET or None)

    def get_queryset(self):
        clusters = Cluster.objects.with_programme_status()
        return self.form.filter(clusters) if self.form.is_bound else clusters

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


def development_project(cluster):
    """The cluster's project with its team, governance and phases with their laws, or None."""
    return (
        DevelopmentProject.objects.filter(cluster=cluster)
        .prefetch_related(
            "team",
            "governance",
            Prefetch("phases", ProjectPhase.objects.prefetch_related("legal_bases")),
        )
        .first()
    )


class ClusterDetailView(DetailView):
    """A cluster's profile, rank history, development project, joint actions and laws."""

    model = Cluster
    template_name = "clusters/cluster_detail.html"

    def get_object(self, queryset=None):
        return cached_object_or_404("cluster", Cluster.objects.all, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        cluster = self.object
        # Lazy: the template renders the page's content once per content version
        # ({% cachedfragment %}), and these queries are built and run only then.
        return super().get_context_data(
            project=SimpleLazyObject(lambda: development_project(cluster)),
            rank_history=SimpleLazyObject(
                lambda: (
                    RankedCluster.objects.filter(cluster=cluster)
                    .select_related("ranking")
                    .order_by("-ranking__is_current", "-ranking__year", "-ranking__pk")
                )
            ),
            actions=SimpleLazyObject(
                lambda: (
                    cluster.actions.with_latest_actual()
                    .select_related("parent")
                    .prefetch_related("reports", "legal_bases")
                )
            ),
            **kwargs,
        )
