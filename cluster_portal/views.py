"""Site-wide pages: the home page, error pages, the lockout page and the health probes."""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import TemplateView

from carpets.checks import with_warnings
from carpets.models import Observation
from clusters.models import Cluster, InfoPage, Office
from core.middleware import DATABASE_UNAVAILABLE, database_unavailable
from core.problem import problem_response
from news.models import Post

from .axes_handler import locked_everywhere
from .checks import check_python_zone, start_errors

logger = logging.getLogger(__name__)

HOME_KEY_FIGURES = ("weavers", "looms", "producing-units", "annual-production")


class HomeView(TemplateView):
    template_name = "home.html"

    def request_office(self):
        return Office.objects.first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = {
            obs.indicator.slug: obs
            for obs in with_warnings(
                Observation.objects.latest_per_indicator()
                .with_provenance()
                .filter(indicator__slug__in=HOME_KEY_FIGURES)
            )
        }
        posts = Post.objects.published().for_listing()
        office = self.request_office()
        context.update(
            organization=office and organization_data(self.request, office),
            concept=InfoPage.objects.filter(slug="concept").first(),
            ranked_clusters=Cluster.objects.ranked(),
            key_figures=[figures[slug] for slug in HOME_KEY_FIGURES if slug in figures],
            important_posts=Post.objects.important().for_listing()[
                : settings.PORTAL_IMPORTANT_NEWS_COUNT
            ],
            latest_posts=posts.of_kind(Post.Kind.NEWS)[:5],
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
    # A database error raised outside a view (e.g. loading the session) still gets the 503 page.
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exception)
    if request.path.startswith("/api/"):
        # API clients read every error as a problem, in both languages (core/problem.py).
        return problem_response(500, "server_error", _("Something went wrong on our side."))
    # Rendered without context processors: the database may be the reason we are here.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))


def healthz(request):
    """Liveness: the process answers. It touches neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain")


def login_locked_out(request, response, credentials):
    """django-axes' answer once a username has failed too often from one address, or from
    every address together (then the page says so, and who can unlock it)."""
    template = loader.get_template("429.html")
    context = {
        "cooloff_hours": settings.AXES_COOLOFF_TIME,
        "everywhere": locked_everywhere(request, credentials),
    }
    return HttpResponse(template.render(context, request), status=429)


def readyz(request):
    """Readiness: this server can answer real pages, because the database and cache respond."""
    checks = {"database": _database_ready(), "cache": _cache_ready()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    # Zone data and the database's ctype (cluster_portal/checks.py): wrong, they are silent.
    errors = start_errors() if checks["database"] else check_python_zone()
    body["configuration"] = [f"{e.id}: {e.msg} {e.hint}" for e in errors] or "ok"
    ready = all(checks.values()) and not errors
    return JsonResponse(body, status=200 if ready else 503)


def _database_ready() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DATABASE_UNAVAILABLE:
        connections["default"].close_if_unusable_or_obsolete()
        return False


def _cache_ready() -> bool:
    try:
        cache.set("readyz", "ok", timeout=10)
        return cache.get("readyz") == "ok"
    except Exception:  # each cache backend raises its own connection errors
        logger.exception("Cache unavailable")
        return False
