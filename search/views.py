from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import get_language
from django.views.generic import TemplateView

from clusters.models import Cluster

from .query import matching_documents, present, terms_of

RESULTS_PER_PAGE = 10


class SearchView(TemplateView):
    """Search across the site. Any query, however long or strange, gets a normal page."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "")
        terms = terms_of(query)
        context = super().get_context_data(query=query[:200], terms=terms, **kwargs)
        if not terms:
            context["suggestions"] = Cluster.objects.ranked()
            return context
        paginator = Paginator(matching_documents(terms, get_language()), RESULTS_PER_PAGE)
        try:
            page = paginator.page(self.request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        context.update(
            page_obj=page,
            hits=present(page.object_list, terms),
            result_count=paginator.count,
            suggestions=Cluster.objects.ranked() if paginator.count == 0 else None,
        )
        return context
