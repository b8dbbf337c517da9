from django.views.generic import DetailView, ListView, TemplateView

from .models import Advantage, Cluster, InfoPage, LegalBasis, Office, PriorityRanking


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


class ClusterListView(ListView):
    """The current priority ranking first, then every cluster of the province."""

    template_name = "clusters/cluster_list.html"
    context_object_name = "ranked_clusters"

    def get_queryset(self):
        self.ranking = PriorityRanking.objects.current()
        return Cluster.objects.ranked(self.ranking)

    def get_context_data(self, **kwargs):
        ranked_ids = [cluster.pk for cluster in self.object_list]
        return super().get_context_data(
            ranking=self.ranking,
            other_clusters=Cluster.objects.exclude(pk__in=ranked_ids),
            **kwargs,
        )


class ClusterDetailView(DetailView):
    model = Cluster
    template_name = "clusters/cluster_detail.html"

    def get_queryset(self):
        return Cluster.objects.select_related("project")

    def get_context_data(self, **kwargs):
        cluster = self.object
        return super().get_context_data(
            rank_history=cluster.rankings.select_related("ranking").order_by(
                "-ranking__is_current", "-ranking__year"
            ),
            **kwargs,
        )
