"""Read-only JSON endpoints. Each view returns a payload; `endpoint` turns it into a response.

Bad parameters are a 400 with a message in Persian and English, unknown objects a 404, never a
500. Responses are cacheable (`Cache-Control: public`, `ETag`, `Last-Modified` where the data
has change times) so clients can poll with conditional requests instead of refetching.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from carpets import downloads
from carpets.filters import FilterError, observation_filters
from carpets.models import Indicator, Observation
from clusters.models import Cluster, PriorityRanking, RankedCluster
from news.models import Post

from . import serializers
from .openapi import document

MAX_AGE = 300
PAGE_SIZE, MAX_PAGE_SIZE = 20, 100


class NotFound(Exception):
    pass


@dataclass
class Payload:
    data: dict
    last_modified: datetime | None = None


def _error(status: int, code: str, message, parameter: str | None = None) -> JsonResponse:
    error = {"code": code, "parameter": parameter}
    for language in ("fa", "en"):
        with translation.override(language):
            error[f"message_{language}"] = str(message)
    return JsonResponse({"error": error}, status=status, json_dumps_params={"ensure_ascii": False})


def endpoint(view):
    # Nothing here writes, so there is no CSRF to guard; a POST gets a JSON 405, not a 403 page.
    @csrf_exempt
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _error(405, "method_not_allowed", _("Only GET and HEAD are allowed."))
            response["Allow"] = "GET, HEAD"
            return response
        try:
            payload = view(request, *args, **kwargs)
        except FilterError as error:
            return _error(400, "invalid_parameter", error.message, error.parameter)
        except NotFound:
            return _error(404, "not_found", _("No such object."))
        body = json.dumps(payload.data, ensure_ascii=False, default=str).encode()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        last_modified = payload.last_modified.timestamp() if payload.last_modified else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = JsonResponse({}, json_dumps_params={"ensure_ascii": False})
            response.content = body
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        # Public, read-only data: other sites may call it from the browser.
        response["Access-Control-Allow-Origin"] = "*"
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


def _page(request, queryset, serialize) -> dict:
    page = _positive(request, "page", 1)
    size = _positive(request, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    count = queryset.count()
    pages = max(1, -(-count // size))
    if page > pages:
        raise FilterError("page", _("This page is past the last page."))
    items = queryset[(page - 1) * size : page * size]

    def link(number):
        if not 1 <= number <= pages:
            return None
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "page": page,
        "page_size": size,
        "num_pages": pages,
        "next": link(page + 1),
        "previous": link(page - 1),
        "results": [serialize(item) for item in items],
    }


@endpoint
def index(request):
    names = ["clusters", "rankings", "indicators", "observations", "checks", "news"]
    return Payload(
        {
            "openapi": request.build_absolute_uri(reverse("api:openapi")),
            "endpoints": {
                name: request.build_absolute_uri(reverse(f"api:{name}")) for name in names
            },
        }
    )


@endpoint
def openapi(request):
    return Payload(document())


@endpoint
def clusters(request):
    ranks = {cluster.pk: cluster.rank for cluster in Cluster.objects.ranked()}
    queryset = Cluster.objects.order_by("slug")
    if sector := request.GET.get("sector"):
        queryset = queryset.filter(sector=sector)
    return Payload(
        _page(
            request, queryset, lambda item: serializers.cluster(request, item, ranks.get(item.pk))
        )
    )


@endpoint
def cluster_detail(request, slug):
    instance = Cluster.objects.filter(slug=slug).first()
    if instance is None:
        raise NotFound
    ranked = Cluster.objects.ranked().filter(pk=instance.pk).first()
    return Payload(serializers.cluster(request, instance, ranked.rank if ranked else None))


def _rankings():
    # Joined, not a second prefetch: an IN list of every ranked cluster is too long for SQLite.
    entries = RankedCluster.objects.select_related("cluster")
    return PriorityRanking.objects.public().prefetch_related(Prefetch("entries", entries))


@endpoint
def rankings(request):
    return Payload(_page(request, _rankings(), serializers.ranking))


@endpoint
def current_ranking(request):
    current = PriorityRanking.objects.current()
    if current is None:
        raise NotFound
    return Payload(serializers.ranking(_rankings().get(pk=current.pk)))


@endpoint
def indicators(request):
    queryset = Indicator.objects.select_related("cluster")
    if cluster := request.GET.get("cluster"):
        queryset = queryset.filter(cluster__slug=cluster)
    last = queryset.aggregate(last=Max("updated_at"))["last"]
    return Payload(_page(request, queryset, serializers.indicator), last)


def _observations(request):
    return Observation.objects.matching(**observation_filters(request.GET))


@endpoint
def observations(request):
    queryset = _observations(request)
    data = _page(
        request,
        queryset.in_table_order(),
        lambda item: downloads.plain_row(downloads.observation_row(item)),
    )
    return Payload(data, queryset.last_changed())


@endpoint
def checks(request):
    queryset = _observations(request)
    return Payload(
        {
            "checks": [downloads.plain_row(row) for row in downloads.check_rows(queryset)],
            "derived_figures": [
                downloads.plain_row(row) for row in downloads.derived_rows(queryset)
            ],
        },
        queryset.last_changed(),
    )


def _posts(request):
    queryset = Post.objects.published().for_listing().prefetch_related("clusters")
    if cluster := request.GET.get("cluster"):
        queryset = queryset.in_cluster(cluster)
    if kind := request.GET.get("kind"):
        if kind not in Post.Kind.values:
            raise FilterError("kind", _("The kind must be news, event or announcement."))
        queryset = queryset.of_kind(kind)
    return queryset


@endpoint
def news(request):
    queryset = _posts(request)
    last = queryset.aggregate(last=Max("updated_at"))["last"]
    return Payload(_page(request, queryset, lambda item: serializers.post(request, item)), last)


@endpoint
def news_detail(request, pk):
    instance = _posts(request).filter(pk=pk).first()
    if instance is None:
        raise NotFound
    return Payload(serializers.post(request, instance), instance.updated_at)


@endpoint
def not_found(request, path=""):
    raise NotFound
