"""Read-only JSON endpoints of `/api/v1/`. Each view returns a payload; `endpoint` turns it into
a response.

Bad parameters are a 400, unknown objects, pages and paths a 404, other methods a 405, all as
RFC 9457 problem details in Persian and English (core/problem.py), never a 500. Successful
answers carry `Cache-Control: public`, an `ETag` of the body and, for pages of a list, RFC 8288
`Link` headers; `Last-Modified`, CORS, conditional GET and the request limit are added for
every answer by core/open_data_http.py.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from carpets.filters import FilterError, observation_filters
from carpets.models import Indicator, Observation, Source
from clusters.models import Cluster, PriorityRanking, RankedCluster
from core.problem import problem_response
from news.models import Post

from . import serializers
from .openapi import document
from .versions import CHANGELOG_PATH, deprecation_headers

MAX_AGE = 300
PAGE_SIZE, MAX_PAGE_SIZE = 20, 100
ALLOWED = "GET, HEAD, OPTIONS"


class NotFound(Exception):
    def __init__(self, message=None, parameter=None):
        super().__init__()
        self.message = message or _("No such object.")
        self.parameter = parameter


@dataclass
class Payload:
    data: dict
    links: dict = field(default_factory=dict)


class Redirect(Exception):
    def __init__(self, location: str):
        super().__init__(location)
        self.location = location


class PermanentRedirect(HttpResponseRedirect):
    status_code = 308


def endpoint(view):
    # Nothing here writes, so there is no CSRF to guard; a POST gets a 405 problem, not a 403.
    @csrf_exempt
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = problem_response(
                405, "method_not_allowed", _("Only GET and HEAD are allowed.")
            )
            response["Allow"] = ALLOWED
            return response
        try:
            payload = view(request, *args, **kwargs)
        except FilterError as error:
            return problem_response(400, "invalid_parameter", error.message, error.parameter)
        except NotFound as error:
            return problem_response(404, "not_found", error.message, error.parameter)
        except Redirect as redirect:
            return PermanentRedirect(redirect.location)
        body = json.dumps(payload.data, ensure_ascii=False, default=str).encode()
        response = HttpResponse(body, content_type="application/json")
        response["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        if payload.links:
            response["Link"] = ", ".join(
                f'<{url}>; rel="{rel}"' for rel, url in payload.links.items()
            )
        return response

    return wrapper


def _positive(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    if not raw.isdecimal() or int(raw) < 1 or (maximum and int(raw) > maximum):
        message = (
            _("page_size must be a whole number from 1 to 100.")
            if maximum
            else _("page must be a whole number from 1.")
        )
        raise FilterError(name, message)
    return int(raw)


# RFC 3339: a full date, or a date-time with its offset (what the document's formats accept).
UPDATED_SINCE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?"
)


def _moment(raw: str) -> datetime | None:
    """The instant an RFC 3339 date (midnight, Tehran) or date-time names, or None if none."""
    if not UPDATED_SINCE.fullmatch(raw):
        return None
    # A leap second (:60) is valid RFC 3339; Python has no such second.
    text = re.sub(r"(T\d{2}:\d{2}):60", r"\1:59", raw.upper().replace("Z", "+00:00"))
    try:
        if "T" not in text:
            return timezone.make_aware(datetime.combine(date.fromisoformat(text), time.min))
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _updated_since(request, queryset, field_name: str = "updated_at"):
    """`?updated_since=`: only items changed at or after that moment."""
    raw = request.GET.get("updated_since")
    if raw is None:
        return queryset
    moment = _moment(raw)
    if moment is None:
        raise FilterError(
            "updated_since",
            _("updated_since must be an RFC 3339 date or date-time, e.g. 2026-01-31T10:00:00Z."),
        )
    try:
        # In UTC: PostgreSQL refuses offsets past ±15:59, which RFC 3339 allows.
        moment = moment.astimezone(UTC)
    except OverflowError:
        # Before year 1 or after 9999 once in UTC: everything, or nothing, is newer.
        return queryset if moment.year < 5000 else queryset.none()
    return queryset.filter(**{f"{field_name}__gte": moment})


def _known(model, parameter: str, value: str | None, message):
    """An unknown slug in a filter is a 404 that names the parameter (no such cluster), not an
    empty list that hides a typo."""
    if value and not model.objects.filter(slug=value).exists():
        raise NotFound(message, parameter)
    return value


def _page(request, queryset, serialize) -> Payload:
    page = _positive(request, "page", 1)
    size = _positive(request, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    count = queryset.count()
    pages = max(1, -(-count // size))
    if page > pages:
        raise NotFound(_("This page is past the last page."), "page")
    items = queryset[(page - 1) * size : page * size]

    def link(number):
        if not 1 <= number <= pages:
            return None
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    links = {"first": link(1), "prev": link(page - 1), "next": link(page + 1), "last": link(pages)}
    data = {
        "count": count,
        "page": page,
        "page_size": size,
        "num_pages": pages,
        "next": links["next"],
        "previous": links["prev"],
        "results": [serialize(item) for item in items],
    }
    return Payload(data, {rel: url for rel, url in links.items() if url})


def _absolute(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


ENDPOINTS = ["clusters", "rankings", "indicators", "observations", "sources", "checks", "news"]


@endpoint
def index(request):
    return Payload(
        {
            "version": "v1",
            "openapi": _absolute(request, "api:openapi"),
            "changelog": _absolute(request, "api:changelog"),
            "endpoints": {name: _absolute(request, f"api:{name}") for name in ENDPOINTS},
        }
    )


@endpoint
def openapi(request):
    return Payload(document())


@csrf_exempt
def changelog(request):
    if request.method not in ("GET", "HEAD"):
        response = problem_response(405, "method_not_allowed", _("Only GET and HEAD are allowed."))
        response["Allow"] = ALLOWED
        return response
    body = CHANGELOG_PATH.read_bytes()
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


# Clusters ------------------------------------------------------------------------------------


@endpoint
def clusters(request):
    ranks = {cluster.pk: cluster.rank for cluster in Cluster.objects.ranked()}
    queryset = Cluster.objects.order_by("slug")
    if sector := request.GET.get("sector"):
        if sector not in Cluster.Sector.values:
            raise FilterError("sector", _("Unknown sector: see the list in the API document."))
        queryset = queryset.filter(sector=sector)
    queryset = _updated_since(request, queryset)
    return _page(
        request, queryset, lambda item: serializers.cluster(request, item, ranks.get(item.pk))
    )


@endpoint
def cluster_detail(request, slug):
    instance = Cluster.objects.filter(slug=slug).first()
    if instance is None:
        raise NotFound
    ranked = Cluster.objects.ranked().filter(pk=instance.pk).first()
    return Payload(serializers.cluster(request, instance, ranked.rank if ranked else None))


# Rankings ------------------------------------------------------------------------------------


def _rankings():
    # Joined, not a second prefetch: an IN list of every ranked cluster is too long for SQLite.
    entries = RankedCluster.objects.select_related("cluster")
    return PriorityRanking.objects.public().prefetch_related(Prefetch("entries", entries))


@endpoint
def rankings(request):
    queryset = _updated_since(request, _rankings())
    return _page(request, queryset, lambda item: serializers.ranking(request, item))


@endpoint
def ranking_detail(request, pk):
    instance = _rankings().filter(pk=pk).first()
    if instance is None:
        raise NotFound
    return Payload(serializers.ranking(request, instance))


@endpoint
def current_ranking(request):
    current = PriorityRanking.objects.current()
    if current is None:
        raise NotFound
    return Payload(serializers.ranking(request, _rankings().get(pk=current.pk)))


# Carpet statistics ---------------------------------------------------------------------------


@endpoint
def indicators(request):
    queryset = Indicator.objects.select_related("cluster")
    if cluster := _known(Cluster, "cluster", request.GET.get("cluster"), _("Unknown cluster.")):
        queryset = queryset.filter(cluster__slug=cluster)
    queryset = _updated_since(request, queryset)
    return _page(request, queryset, lambda item: serializers.indicator(request, item))


@endpoint
def indicator_detail(request, slug):
    instance = Indicator.objects.select_related("cluster").filter(slug=slug).first()
    if instance is None:
        raise NotFound
    return Payload(serializers.indicator(request, instance))


@endpoint
def sources(request):
    queryset = _updated_since(request, Source.objects.order_by("slug"))
    return _page(request, queryset, lambda item: serializers.source(request, item))


@endpoint
def source_detail(request, slug):
    instance = Source.objects.filter(slug=slug).first()
    if instance is None:
        raise NotFound
    return Payload(serializers.source(request, instance))


def _observations(request):
    filters = observation_filters(request.GET)
    _known(Cluster, "cluster", filters["cluster"], _("Unknown cluster."))
    _known(Indicator, "indicator", filters["indicator"], _("Unknown indicator."))
    return Observation.objects.matching(**filters)


@endpoint
def observations(request):
    queryset = _updated_since(request, _observations(request))
    return _page(
        request,
        queryset.in_table_order(),
        lambda item: serializers.observation(request, item),
    )


@endpoint
def observation_detail(request, pk):
    instance = Observation.objects.with_provenance().filter(pk=pk).first()
    if instance is None:
        raise NotFound
    return Payload(serializers.observation(request, instance))


@endpoint
def checks(request):
    return Payload(serializers.checks(_observations(request)))


# News ----------------------------------------------------------------------------------------


def _posts(request):
    queryset = Post.objects.published().for_listing().prefetch_related("clusters")
    if cluster := _known(Cluster, "cluster", request.GET.get("cluster"), _("Unknown cluster.")):
        queryset = queryset.in_cluster(cluster)
    if kind := request.GET.get("kind"):
        if kind not in Post.Kind.values:
            raise FilterError("kind", _("The kind must be news, event or announcement."))
        queryset = queryset.of_kind(kind)
    return queryset


@endpoint
def news(request):
    queryset = _updated_since(request, _posts(request))
    return _page(request, queryset, lambda item: serializers.post(request, item))


@endpoint
def news_detail(request, pk):
    instance = _posts(request).filter(pk=pk).first()
    if instance is None:
        raise NotFound
    return Payload(serializers.post(request, instance))


# Other paths ---------------------------------------------------------------------------------


def _with_query(request, path: str) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def _route_exists(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name not in ("not-found", "legacy")


@endpoint
def not_found(request, path=""):
    # `/api/v1/clusters` answers as `/api/v1/clusters/` does, by a redirect (CommonMiddleware's
    # APPEND_SLASH never sees it: this catch-all resolves every path).
    full = request.path
    if not full.endswith("/") and _route_exists(full + "/"):
        raise Redirect(_with_query(request, full + "/"))
    raise NotFound(_("No such path."))


@csrf_exempt
def legacy(request, path=""):
    """The unversioned paths of before v1: a 308 to the same path under /api/v1/, marked
    deprecated with the date they stop (docs/api-changelog.md)."""
    if path and not path.endswith("/") and _route_exists(f"/api/{path}/"):
        # `/api/v1` and the like: only the slash is missing.
        return PermanentRedirect(_with_query(request, f"/api/{path}/"))
    target = f"/api/v1/{path}"
    if path and not target.endswith("/") and _route_exists(target + "/"):
        target += "/"
    response = PermanentRedirect(_with_query(request, target))
    if path:
        for name, value in deprecation_headers(request).items():
            response[name] = value
    return response
