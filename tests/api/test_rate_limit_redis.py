"""The API's request limit counted in Redis, as production counts it: every worker and server
reading the same counter (the in-memory cache of the other tests would hide a backend whose
`add`/`incr` do not share a count)."""

import datetime

import time_machine

from tests.redis_server import needs_redis

REDIS_URL = "redis://127.0.0.1:6379/10"

pytestmark = needs_redis


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


def test_a_window_s_counter_expires_with_its_window_and_is_not_prolonged(redis_cache):
    """The counter's lifetime is set by the window's first event and never extended, so Redis
    forgets each window a few seconds after it ends, however busy it was."""
    from core.rate_limit import count_in_window

    start = datetime.datetime(2026, 12, 1, 10, 0, 0, tzinfo=datetime.UTC).timestamp()
    assert count_in_window("probe", 60, now=start + 10).used == 1
    (key,) = redis_cache._cache.get_client().keys("*ratelimit:probe*")
    first_ttl = redis_cache._cache.get_client().ttl(key)
    assert 60 < first_ttl <= 65
    assert [count_in_window("probe", 60, now=start + 50).used for _ in range(3)] == [2, 3, 4]
    assert redis_cache._cache.get_client().ttl(key) <= first_ttl
    # The next window starts again from one, under its own key.
    assert count_in_window("probe", 60, now=start + 61).used == 1
