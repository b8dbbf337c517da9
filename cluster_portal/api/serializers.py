"""Model instances as API objects: stable English keys, text in Persian and English (`_fa`, `_en`).

Every listed object has `updated_at` (ISO 8601, Tehran time) and `api_url`, its own detail
route, so a harvester can fetch what changed (`?updated_since=`) and address each item. The
carpet rows are the download rows (`carpets.downloads`), so the API and the files agree.
"""

from django.urls import reverse
from django.utils import timezone, translation

from carpets import downloads
from core.persian import iso_date_pair, to_gregorian, to_jalali
from core.sanitize import sanitize_html


def _pair(instance, name: str) -> dict:
    return {
        f"{name}_fa": getattr(instance, f"{name}_fa") or "",
        f"{name}_en": getattr(instance, f"{name}_en") or "",
    }


def _urls(request, name: str, **kwargs) -> dict:
    urls = {}
    for language in ("fa", "en"):
        with translation.override(language):
            urls[f"url_{language}"] = request.build_absolute_uri(reverse(name, kwargs=kwargs))
    return urls


def _api(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs))


def _date(value) -> dict:
    """A jDate as ISO Gregorian plus its Jalali spelling."""
    jalali, gregorian = iso_date_pair(value)
    return {"gregorian": gregorian, "jalali": jalali}


def _gregorian(value):
    """jDateTime fields hold jdatetime values; the API speaks ISO 8601 in Tehran time."""
    if value is None:
        return None
    return timezone.localtime(to_gregorian(value))


def _datetime(value):
    return _gregorian(value).isoformat() if value else None


def _updated(instance) -> str:
    # Whole seconds, as Last-Modified: a client may compare the two.
    # Jalali fields (news, carpets) give jdatetime values: Gregorian first, as every date here.
    return _gregorian(instance.updated_at).replace(microsecond=0).isoformat()


def cluster(request, instance, rank=None) -> dict:
    return {
        "slug": instance.slug,
        **_pair(instance, "name"),
        "sector": instance.sector,
        **_pair(instance, "summary"),
        "rank": rank,
        **_urls(request, "clusters:cluster-detail", slug=instance.slug),
        "api_url": _api(request, "cluster-detail", slug=instance.slug),
        "updated_at": _updated(instance),
    }


def ranking(request, instance) -> dict:
    return {
        "id": instance.pk,
        **_pair(instance, "title"),
        "year_jalali": instance.year,
        **_pair(instance, "approved_by"),
        "approved_on": _date(instance.approved_on),
        "is_current": instance.is_current,
        "entries": [
            {
                "rank": entry.rank,
                "cluster": entry.cluster.slug,
                "cluster_name_fa": entry.cluster.name_fa or "",
                "cluster_name_en": entry.cluster.name_en or "",
            }
            for entry in instance.entries.all()
        ],
        "api_url": _api(request, "ranking-detail", pk=instance.pk),
        "updated_at": _updated(instance),
    }


def indicator(request, instance) -> dict:
    return {
        "slug": instance.slug,
        **_pair(instance, "name"),
        **_pair(instance, "unit"),
        **_pair(instance, "description"),
        "cluster": instance.cluster.slug if instance.cluster else None,
        "order": instance.order,
        "api_url": _api(request, "indicator-detail", slug=instance.slug),
        "updated_at": _updated(instance),
    }


def source(request, instance) -> dict:
    return {
        "slug": instance.slug,
        **_pair(instance, "name"),
        **_pair(instance, "publisher"),
        "published_on": _date(instance.published_on),
        "url": instance.url,
        "api_url": _api(request, "source-detail", slug=instance.slug),
        "updated_at": _updated(instance),
    }


def observation(request, instance) -> dict:
    """The download row, with the observation's id, its own address and its source's."""
    return {
        "id": instance.pk,
        **downloads.plain_row(downloads.observation_row(instance)),
        "source_api_url": _api(request, "source-detail", slug=instance.source.slug),
        "api_url": _api(request, "observation-detail", pk=instance.pk),
        "updated_at": _updated(instance),
    }


def checks(queryset) -> dict:
    return {
        "checks": [downloads.plain_row(row) for row in downloads.check_rows(queryset)],
        "derived_figures": [downloads.plain_row(row) for row in downloads.derived_rows(queryset)],
    }


def post(request, instance) -> dict:
    return {
        "id": instance.pk,
        "kind": instance.kind,
        **_pair(instance, "title"),
        **_pair(instance, "lead"),
        # Cleaned on read too, as the page and the feed do: no row reaches a client unfiltered.
        "body_fa": sanitize_html(instance.body_fa or ""),
        "body_en": sanitize_html(instance.body_en or ""),
        "category": instance.category.slug if instance.category else None,
        "clusters": [item.slug for item in instance.clusters.all()],
        "publish_at": _datetime(instance.publish_at),
        "publish_at_jalali": to_jalali(instance.publish_at).strftime("%Y-%m-%dT%H:%M"),
        "is_important": instance.is_important,
        "is_demo": instance.is_demo,
        "event_start": _datetime(instance.event_start),
        "event_end": _datetime(instance.event_end),
        **_pair(instance, "event_place"),
        **_urls(request, "news:post-detail", pk=instance.pk, slug=instance.slug),
        "api_url": _api(request, "news-detail", pk=instance.pk),
        "updated_at": _updated(instance),
    }
