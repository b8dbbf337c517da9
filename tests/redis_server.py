"""The local Redis server for tests of what production keeps in Redis (counters, the shared
page cache): whether it is there, and a cache on one of its databases, emptied before and after.
CI starts Redis on 127.0.0.1:6379; without it these tests are skipped and say so."""

import contextlib
import socket

import pytest
from django.core.cache import caches

SKIP_REASON = "needs Redis on 127.0.0.1:6379 (CI starts it; locally: apt-get install redis-server)"


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not redis_reachable(), reason=SKIP_REASON)


@contextlib.contextmanager
def shared_redis_cache(settings, url: str):
    """Make `url` (redis://127.0.0.1:6379/<n>, one database per test module) the shared cache
    the portal counts and caches in, empty, and yield it; empties it again afterwards."""
    import redis

    server = redis.Redis.from_url(url)
    server.flushdb()
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": url},
    }
    settings.PORTAL_PAGE_CACHE = "shared"
    try:
        yield caches["shared"]
    finally:
        server.flushdb()
