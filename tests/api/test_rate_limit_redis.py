"""The API's request limit counted in Redis, as production counts it: every worker and server
reading the same counter (the in-memory cache of the other tests would hide a backend whose
`add`/`incr` do not share a count)."""

import datetime
import socket

import pytest
import time_machine
from django.core.cache import caches

REDIS_URL = "redis://127.0.0.1:6379/10"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not _redis_reachable(), reason="needs Redis on 127.0.0.1:6379 (CI starts it)"
)


@pytest.fixture
def redis_cache(settings):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
    }
    settings.PORTAL_PAGE_CACHE = "shared"
    yield caches["shared"]
    redis.Redis.from_url(REDIS_URL).flushdb()


def test_the_limit_is_counted_in_redis_for_every_worker(client, content, settings, redis_cache):
    settings.PORTAL_API_RATE_LIMIT = {"requests": 4, "window_seconds": 60}
    moment = datetime.datetime(2026, 12, 1, 10, 0, 30, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        assert client.get("/api/v1/sources/")["RateLimit-Remaining"] == "3"
        # Another worker's requests: the same counter, incremented straight in Redis.
        (key,) = [key for key in redis_cache._cache.get_client().keys("*ratelimit*")]
        redis_cache._cache.get_client().incrby(key, 2)
        response = client.get("/api/v1/sources/")
        assert response.status_code == 200 and response["RateLimit-Remaining"] == "0"
        refused = client.get("/api/v1/sources/")
        assert refused.status_code == 429 and refused["Retry-After"] == "30"
