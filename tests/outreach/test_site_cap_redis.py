"""The site-wide cap of visitors' submissions counted in Redis, as production counts it: under
a flood, a refused vote or question costs one read of Redis and no database query, and one
client refused by its own limit does not use up everyone's minute."""

import time_machine

from outreach.models import Inquiry, PageFeedback
from tests.outreach.forms import feedback_data, inquiry_data
from tests.redis_server import needs_redis

REDIS_URL = "redis://127.0.0.1:6379/11"

pytestmark = needs_redis


def test_votes_beyond_the_cap_are_refused_without_asking_the_database(
    client, content, settings, redis_cache, django_assert_num_queries
):
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, "feedback": 2}
    with time_machine.travel("2026-12-01 10:00:05+00:00", tick=False):
        for n in range(2):
            stored = client.post("/feedback/", feedback_data(), REMOTE_ADDR=f"198.51.100.{n}")
            assert stored.status_code == 302
        with django_assert_num_queries(0):
            refused = client.post("/feedback/", feedback_data(), REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "55"
    assert PageFeedback.objects.count() == 2


def test_one_client_over_its_own_limit_leaves_the_minute_to_others(
    client, content, settings, redis_cache
):
    settings.OUTREACH_RATE_LIMIT = {**settings.OUTREACH_RATE_LIMIT, "count": 1}
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, "inquiry": 2}
    with time_machine.travel("2026-12-01 10:00:05+00:00", tick=False):
        assert (
            client.post("/contact/", inquiry_data(), REMOTE_ADDR="203.0.113.5").status_code == 302
        )
        for _ in range(5):
            again = client.post("/contact/", inquiry_data(), REMOTE_ADDR="203.0.113.5")
            assert again.status_code == 429
        other = client.post("/contact/", inquiry_data(), REMOTE_ADDR="203.0.113.6")
    assert other.status_code == 302
    assert Inquiry.objects.count() == 2
