"""A shared cache of anonymous public pages, invalidated by any change of declared content.

Every gunicorn worker and every app server reads the same cache (Redis when REDIS_URL is set,
otherwise the database), so an edit shows on the next request to any of them:

- any save or delete of a model an app declared as content (`core.public_content`) bumps a
  generation number that is stored with every page; a visitor's own writes never do;
- a page is kept no longer than until the next scheduled post's publish time or a notice's
  start or end, so both appear and go on time with no background job;
- staff and anyone with a session never get a cached page, and pages that carry a form token
  or set a cookie are never stored.
"""

import hashlib
import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, set_response_etag

from .content_cache import (
    GENERATION_KEY,
    current_generation,
    remember_generation,
    seconds_until_next_change,
)
from .content_cache import shared_cache as page_cache

logger = logging.getLogger(__name__)

_NO_CACHE_PREFIXES = ("/admin/", "/i18n/", "/healthz", "/readyz", "/static/", "/media/")


def _rebuild(cached) -> HttpResponse:
    _generation, status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def page_key(full_path: str) -> str:
    # full_path: the absolute address (scheme, host, path and query).
    """The key of a page; the content generation it was rendered in is stored with it.

    Hashed, so a visitor's 10,000-character query string never becomes a key; "v3" names the
    stored format, so a deploy that changes it never reads old entries.
    """
    digest = hashlib.sha256(full_path.encode("utf-8", "surrogatepass")).hexdigest()
    return f"page:v3:{digest}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            response = self.get_response(request)
            response.headers.setdefault("Cache-Control", "private, no-cache")
            return response
        # Scheme and host too: absolute links in a page (API `next`, `url_fa`) name them.
        key = page_key(request.build_absolute_uri())
        try:
            # One round trip: the current generation and the page, read together.
            found = page_cache().get_many([GENERATION_KEY, key])
        except Exception:
            # An unreachable cache costs speed, never the page.
            logger.exception("page cache unavailable")
            return self.get_response(request)
        generation = found.get(GENERATION_KEY)
        cached = found.get(key)
        if generation is None:
            generation = current_generation()
        remember_generation(generation)
        if cached is not None and cached[0] == generation:
            response = _rebuild(cached)
            # This layer answers before ConditionalGetMiddleware, so it answers 304 itself.
            return get_conditional_response(request, etag=response["ETag"], response=response)
        response = self.get_response(request)
        if self._cacheable_response(response):
            try:
                self._store(key, generation, response)
            except Exception:
                logger.exception("could not store a page in the cache")
        return response

    @staticmethod
    def _store(key, generation, response):
        timeout = settings.PORTAL_PAGE_CACHE_SECONDS
        until_next = seconds_until_next_change(timezone.now())
        if until_next is not None:
            timeout = min(timeout, until_next)
        # The ETag is computed once here, not on every hit by ConditionalGetMiddleware.
        if not response.has_header("ETag"):
            set_response_etag(response)
        # Plain bytes and headers: far cheaper to load on a hit than a pickled response object.
        page_cache().set(
            key,
            (generation, response.status_code, list(response.items()), response.content),
            timeout,
        )
        response["X-Page-Cache"] = "miss"

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            # A flash message ("thank you…") waits for this visitor alone.
            and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
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
