"""Values and page fragments computed once per version of the content, shared by every worker.

The version is the generation number kept in the shared cache (Redis, or the database), which
any save or delete of a model an app declared as content bumps (`core.public_content`),
followed by how many scheduled moments (a post going live, a notice starting or ending) have
passed since that edit. A scheduled post thus changes the
version at its publish time, with no job and no edit.

A value is looked up in three places, cheapest first: this process's memory, the shared cache
(one round trip), and only then computed. Every key names the version, so no layer can serve a
value from before an edit made on another worker or server. Values are shared between requests
and must be treated as read-only.
"""

import bisect
import contextlib
import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from .persian import to_gregorian

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Rendered fragments of a few pages in two languages, model lists, counts: a few MB at most.
LOCAL_ENTRIES = 512

_request = threading.local()
_moment_sources: dict[str, Callable[[], Iterable[datetime]]] = {}


def shared_cache():
    return caches[settings.PORTAL_PAGE_CACHE]


def _read_generation() -> int:
    cache = shared_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh, flushed or restarted cache. Workers still hold values in memory under the
        # numbers they saw before, so the count restarts at a random point, never at 1: an
        # old number coming back would bring its old pages with it. `add` lets one process win.
        start = secrets.randbelow(2**62)
        cache.add(GENERATION_KEY, start, timeout=None)
        generation = cache.get(GENERATION_KEY, start)
    return generation


def current_generation() -> int:
    """The content generation, read from the shared cache once per request.

    One request sees one generation throughout, so its fragments and values agree with each
    other; outside a request (commands, shells) every call reads the shared cache.
    """
    if not getattr(_request, "active", False):
        return _read_generation()
    if _request.generation is None:
        _request.generation = _read_generation()
    return _request.generation


def remember_generation(generation: int) -> None:
    """The page cache read the generation already, together with the page: reuse it."""
    if getattr(_request, "active", False) and generation != _request.generation:
        _request.generation = generation
        _request.version = None


def _forget(active: bool) -> None:
    _request.active = active
    _request.generation = None
    _request.version = None


def _begin_request(**_kwargs) -> None:
    _forget(active=True)


def _end_request(**_kwargs) -> None:
    _forget(active=False)


request_started.connect(_begin_request, dispatch_uid="content-cache-begin")
request_finished.connect(_end_request, dispatch_uid="content-cache-end")


def invalidate(**_kwargs) -> None:
    """Make every cached page, value and fragment stale, on every worker and server at once.

    A cache that cannot be reached must not stop an editor's save: pages then expire on their
    own within PORTAL_PAGE_CACHE_SECONDS, and the failure is logged for the operator.
    """
    _forget(active=getattr(_request, "active", False))
    cache = shared_cache()
    try:
        # No generation yet (ValueError): the next read starts a new one.
        with contextlib.suppress(ValueError):
            cache.incr(GENERATION_KEY)
    except Exception:
        logger.exception("could not invalidate the page cache")


class _LocalValues:
    """A small least-recently-used map, safe for the threads of one process."""

    def __init__(self, size: int):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


local_values = _LocalValues(LOCAL_ENTRIES)


def _cached(key: str, produce):
    value = local_values.get(key)
    if value is not None:
        return value
    cache = shared_cache()
    value = cache.get(key)
    if value is None:
        value = produce()
        if value is None:  # nothing to keep: "no such object" is asked again next time
            return None
        cache.set(key, value, settings.PORTAL_PAGE_CACHE_SECONDS)
    local_values.put(key, value)
    return value


def declare_scheduled_moments(name: str, produce: Callable[[], Iterable[datetime]]) -> None:
    """Register `produce()`: the aware datetimes at which public pages change with no write
    (a post going live, a notice starting or ending). It is called once per content
    generation, so it sees the moments as of the last edit. Apps call this (through
    `core.public_content`) in their `AppConfig.ready()`."""
    _moment_sources[name] = produce


def cached_for_generation_only(name: str, produce):
    """A value computed once per content *generation* (edits only, not scheduled moments).

    For the values the scheduled moments themselves are worked out from, such as the notices
    not yet ended: keying them by the full version would need the moments first.
    """
    return _cached(f"{name}:{current_generation()}", produce)


def scheduled_moments() -> list[datetime]:
    """Every moment at which a page changes by itself, as of the last edit, soonest first, as
    aware Gregorian datetimes. Worked out once per generation: every request asks (the
    content version counts the moments passed), and converting a hundred Jalali datetimes
    each time cost a cached API answer a third of its time."""
    return cached_for_generation_only("scheduled-moments", _collect_moments)


def _collect_moments() -> list[datetime]:
    moments = []
    for _name, produce in sorted(_moment_sources.items()):
        moments += produce()
    return sorted(to_gregorian(moment) for moment in moments)


def seconds_until_next_change(now) -> int | None:
    """Seconds until a page changes by itself, or None when nothing is scheduled."""
    moments = scheduled_moments()
    upcoming = bisect.bisect_right(moments, now)
    if upcoming == len(moments):
        return None
    return max(1, int((moments[upcoming] - now).total_seconds()))


def content_version() -> str:
    """The generation, then how many scheduled moments have passed since it began; worked out
    once per request, like the generation."""
    version = getattr(_request, "version", None)
    if version is None:
        passed = bisect.bisect_right(scheduled_moments(), timezone.now())
        version = f"{current_generation()}.{passed}"
        if getattr(_request, "active", False):
            _request.version = version
    return version


def cached_for_generation(name: str, produce):
    """A value computed once per content version: shared by every worker until it changes."""
    return _cached(f"{name}:{content_version()}", produce)


def cached_fragment(name: str, render) -> str:
    """Rendered HTML for the active language, computed once per content version."""
    return cached_for_generation(f"fragment:{get_language()}:{name}", render)


def cached_object_or_404(name: str, get_queryset, **lookup):
    """The one object of a detail page, looked up once per content version; 404 if none.
    get_queryset is called only on a miss (building a queryset is itself costly).

    An edit, a publish or unpublish and a post's publish time all change the version, so the
    page never shows an object the database would no longer return. Only found objects are
    kept: a visitor trying addresses adds nothing to the cache.
    """
    key = ":".join([f"object:{name}", *(f"{field}={value}" for field, value in lookup.items())])
    found = cached_for_generation(key, lambda: get_queryset().filter(**lookup).first())
    if found is None:
        raise Http404
    return found
