"""Site-wide pages: the home page, error pages and the liveness probe."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import TemplateView

from carpets.models import Observation
from clusters.models import Cluster, InfoPage, Office
from news.models import Post

HOME_KEY_FIGURES = ("weavers", "looms", "producing-units", "annual-production")


class HomeView(TemplateView):
    template_name = "home.html"

    def request_office(self):
        return Office.objects.first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = {
            obs.indicator.slug: obs
            for obs in Observation.objects.with_provenance().filter(
                indicator__slug__in=HOME_KEY_FIGURES, scope=Observation.Scope.PROVINCE
            )
        }
        posts = Post.objects.published().for_listing()
        office = self.request_office()
        context.update(
            organization=office and organization_data(self.request, office),
            concept=InfoPage.objects.filter(slug="concept").first(),
            ranked_clusters=Cluster.objects.ranked(),
            key_figures=[figures[slug] for slug in HOME_KEY_FIGURES if slug in figures],
            important_posts=posts.filter(is_important=True)[: settings.PORTAL_IMPORTANT_NEWS_COUNT],
            latest_posts=posts.filter(kind=Post.Kind.NEWS)[:5],
            upcoming_events=Post.objects.upcoming_events().select_related("category")[:3],
        )
        return context


def organization_data(request, office) -> dict:
    """schema.org GovernmentOrganization for the home page (JSON-LD)."""
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": office.name,
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": office.parent_organization,
        },
        "description": office.summary,
        "url": request.build_absolute_uri("/"),
        "areaServed": {"@type": "AdministrativeArea", "name": "Zanjan"},
    }


def page_not_found(request, exception):
    template = loader.get_template("404.html")
    return HttpResponse(template.render({}, request), status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without context processors: the database may be the reason we are here.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))


def healthz(request):
    """Liveness: the process answers. It touches neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain")
