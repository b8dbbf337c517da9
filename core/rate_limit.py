"""A published request limit per client, counted in the shared cache (Redis in production),
so every worker and server counts the same requests.

`count_in_window` is the one counter; the API's per-client limit (`take`) and the public forms'
site-wide cap (outreach/spam.py) both count with it.

Fixed windows: `PORTAL_API_RATE_LIMIT = {"requests": N, "window_seconds": W}` allows N requests
per client in each W-second window (clock-aligned). The headers follow the IETF httpapi
"RateLimit header fields" draft: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`
(seconds until the window ends), plus `RateLimit-Policy: N;w=W`. Past the limit: 429 with
`Retry-After` in seconds.
"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache.backends.redis import RedisCache

from .content_cache import shared_cache

logger = logging.getLogger(__name__)

DEFAULT = {"requests": 300, "window_seconds": 60}


@dataclass(frozen=True)
class Allowance:
    limit: int
    remaining: int
    reset: int  # seconds until the window ends
    window: int

    @property
    def exceeded(self) -> bool:
        return self.remaining < 0

    def headers(self) -> dict:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.remaining)),
            "RateLimit-Reset": str(self.reset),
            "RateLimit-Policy": f"{self.limit};w={self.window}",
        }


def client_address(request) -> str:
    # Behind a proxy the right-most X-Forwarded-For entry is the one the proxy saw (the same
    # rule and setting as the outreach forms' limits).
    header = getattr(settings, "OUTREACH_CLIENT_IP_HEADER", None)
    value = request.META.get(header, "") if header else ""
    return value.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")


def policy() -> tuple[int, int]:
    configured = {**DEFAULT, **getattr(settings, "PORTAL_API_RATE_LIMIT", {})}
    return int(configured["requests"]), int(configured["window_seconds"])


@dataclass(frozen=True)
class WindowCount:
    used: int  # requests counted in this window, the current one included
    reset: int  # seconds until the window ends


def count_in_window(name: str, window: int, *, now: float | None = None) -> WindowCount | None:
    """Count one event under `name` in the current fixed, clock-aligned window of `window`
    seconds, in the shared cache, and return the window's count; None when the cache cannot be
    reached (callers then let the request through: an unreachable cache costs protection, never
    the answer). One round trip to Redis; other cache backends may need two."""
    now = time.time() if now is None else now
    key, reset = _window_key(name, window, now)
    cache = shared_cache()
    try:
        used = _increment(cache, key, window + 5)
    except Exception:
        logger.exception("rate-limit cache unavailable")
        return None
    return WindowCount(used=used, reset=reset)


def counted_in_window(name: str, window: int, *, now: float | None = None) -> WindowCount | None:
    """The count `count_in_window` has reached in the current window, without counting an
    event; None when the cache cannot be reached. One round trip (a read): the cheap first
    question under a flood, when most requests will be refused anyway."""
    now = time.time() if now is None else now
    key, reset = _window_key(name, window, now)
    try:
        used = shared_cache().get(key, 0)
    except Exception:
        logger.exception("rate-limit cache unavailable")
        return None
    return WindowCount(used=int(used), reset=reset)


def _window_key(name: str, window: int, now: float) -> tuple[str, int]:
    """The cache key of the window `now` falls in, and the seconds until that window ends."""
    start = int(now // window) * window
    return f"ratelimit:{name}:{start}", max(1, int(start + window - now + 0.999))


def _increment(cache, key: str, timeout: int) -> int:
    if isinstance(cache, RedisCache):
        # INCR creates a missing key at 0; EXPIRE NX sets the lifetime only on the window's
        # first event. Both in one pipeline: one round trip, where Django's `incr` takes two
        # (EXISTS, then INCR) and a window's first event three.
        raw_key = cache.make_and_validate_key(key)
        pipeline = cache._cache.get_client(raw_key, write=True).pipeline(transaction=False)
        pipeline.incr(raw_key)
        pipeline.expire(raw_key, timeout, nx=True)
        return int(pipeline.execute()[0])
    # Other backends: `incr` fails only on a missing key, so most events cost one call.
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout):
            return 1
        # Another worker opened the window between the two calls.
        return cache.incr(key)


def take(request, now: float | None = None) -> Allowance | None:
    """Count one API request of this client; None when the cache cannot be reached."""
    limit, window = policy()
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    counted = count_in_window(f"api:{client}", window, now=now)
    if counted is None:
        return None
    return Allowance(
        limit=limit, remaining=limit - counted.used, reset=counted.reset, window=window
    )
