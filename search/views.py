from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import get_language
from django.views.generic import TemplateView

from clusters.models import Cluster
from news.models import Post

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
            hits=with_events(present(page.object_list, terms)),
            result_count=paginator.count,
            suggestions=Cluster.objects.ranked() if paginator.count == 0 else None,
        )
        return context


def with_events(hits):
    """The hits, each event among them carrying its post (one query for the page)."""
    post_type = ContentType.objects.get_for_model(Post)
    ids = [hit.document.object_id for hit in hits if hit.document.content_type_id == post_type.pk]
    if not ids:
        return hits
    events = Post.objects.events().in_bulk(ids)
    return [
        replace(hit, event=events.get(hit.document.object_id))
        if hit.document.content_type_id == post_type.pk
        else hit
        for hit in hits
    ]
