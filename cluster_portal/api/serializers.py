"""Model instances as API objects: stable English keys, text in Persian and English (`_fa`, `_en`).

The carpet rows are the download rows (`carpets.downloads`), so the API and the files agree.
"""

from django.urls import reverse
from django.utils import timezone, translation

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


def cluster(request, instance, rank=None) -> dict:
    return {
        "slug": instance.slug,
        **_pair(instance, "name"),
        "sector": instance.sector,
        **_pair(instance, "summary"),
        "rank": rank,
        **_urls(request, "clusters:cluster-detail", slug=instance.slug),
    }


def ranking(instance) -> dict:
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
    }


def indicator(instance) -> dict:
    return {
        "slug": instance.slug,
        **_pair(instance, "name"),
        **_pair(instance, "unit"),
        **_pair(instance, "description"),
        "cluster": instance.cluster.slug if instance.cluster else None,
        "order": instance.order,
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
    }
