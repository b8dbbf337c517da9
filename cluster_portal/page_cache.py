"""A shared cache of anonymous public pages, invalidated by any content change.

Every gunicorn worker and every app server reads the same cache (Redis when REDIS_URL is set,
otherwise the database), so an edit shows on the next request to any of them:

- any save or delete of content bumps a generation number that is part of every key;
- a page is kept no longer than until the next scheduled post's publish time, so a scheduled
  post appears on time with no background job;
- staff and anyone with a session never get a cached page, and pages that carry a form token
  or set a cookie are never stored.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

GENERATION_KEY = "page-cache:generation"
CONTENT_APPS = {"clusters", "carpets", "news", "directory", "outreach", "search"}
_NO_CACHE_PREFIXES = ("/admin/", "/i18n/", "/healthz", "/readyz")


def page_cache():
    return caches[settings.PORTAL_PAGE_CACHE]


def current_generation() -> int:
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh or flushed cache: start at 1 and never reuse a number another process saw.
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate(**_kwargs) -> None:
    """Make every cached page stale, on every worker and server at once."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def connect_invalidation() -> None:
    for model in apps.get_models():
        if model._meta.app_label in CONTENT_APPS and model.__name__ != "SearchDocument":
            uid = f"page-cache-{model._meta.label}"
            post_save.connect(invalidate, sender=model, dispatch_uid=uid + "-save", weak=False)
            post_delete.connect(invalidate, sender=model, dispatch_uid=uid + "-delete", weak=False)
    m2m_changed.connect(invalidate, dispatch_uid="page-cache-m2m", weak=False)


def seconds_until_next_scheduled_post(now: datetime.datetime) -> int | None:
    from news.models import Post

    upcoming = (
        Post.objects.filter(status=Post.Status.PUBLISHED, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    if upcoming is None:
        return None
    moment = upcoming.togregorian() if hasattr(upcoming, "togregorian") else upcoming
    return max(1, int((moment - now).total_seconds()))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            response = self.get_response(request)
            response.headers.setdefault("Cache-Control", "private, no-cache")
            return response
        key = f"page:{current_generation()}:{request.get_full_path()}"
        cached = page_cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(response):
            timeout = settings.PORTAL_PAGE_CACHE_SECONDS
            until_next = seconds_until_next_scheduled_post(timezone.now())
            if until_next is not None:
                timeout = min(timeout, until_next)
            page_cache().set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(_NO_CACHE_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "no-store" in response.get("Cache-Control", "") or "private" in response.get(
            "Cache-Control", ""
        ):
            return False
        # A page with a form token belongs to one visitor's CSRF cookie.
        return b'name="csrfmiddlewaretoken"' not in response.content
