"""The project's Redis cache backend: Django's, but with one Redis client per connection pool
(core/redis_cache.py), so no cache call pays for building a client."""

import threading

from tests.redis_server import needs_redis

REDIS_URL = "redis://127.0.0.1:6379/12"

pytestmark = needs_redis


def test_every_call_reuses_one_client(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    redis_cache.set("reused", 1)
    assert redis_cache.get("reused") == 1
    assert redis_cache._cache.get_client() is client


def test_threads_share_what_they_write(redis_cache):
    """Django keeps a cache object per thread; what one thread writes, another reads."""
    from django.core.cache import caches

    def write():
        caches["shared"].set("from-a-thread", "نوشته")

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert redis_cache.get("from-a-thread") == "نوشته"
