"""Many clients together cannot write more than the site-wide cap a minute: each form answers
429 with Retry-After and a Persian message, and nothing is stored."""

import pytest
import time_machine

from outreach.models import Inquiry, PageFeedback, Subscriber
from tests.helpers import page_text
from tests.outreach.forms import feedback_data, inquiry_data, subscribe_data

FORMS = {
    "inquiry": ("/contact/", Inquiry, lambda n: inquiry_data(email=f"a{n}@example.org")),
    "feedback": ("/feedback/", PageFeedback, lambda n: feedback_data()),
    "subscriber": ("/alerts/", Subscriber, lambda n: subscribe_data(f"r{n}@example.org")),
}


@pytest.mark.parametrize("kind", FORMS)
def test_the_site_wide_cap_answers_429_and_stores_nothing(client, content, settings, kind):
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, kind: 3}
    path, model, data = FORMS[kind]
    # A minute's first second, so all four posts fall in the same minute.
    with time_machine.travel("2026-11-30 10:00:01+00:00", tick=False):
        for n in range(3):
            assert client.post(path, data(n), REMOTE_ADDR=f"198.51.100.{n}").status_code == 302
        refused = client.post(path, data(9), REMOTE_ADDR="198.51.100.9")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 59
    assert "لحظه" in page_text(refused) or "دقیقه" in page_text(refused)
    assert model.objects.count() == 3


def test_the_cap_opens_again_in_the_next_minute(client, content, settings):
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, "inquiry": 1}
    with time_machine.travel("2026-11-30 10:00:01+00:00", tick=False):
        client.post("/contact/", inquiry_data(), REMOTE_ADDR="198.51.100.1")
        assert (
            client.post("/contact/", inquiry_data(), REMOTE_ADDR="198.51.100.2").status_code == 429
        )
    with time_machine.travel("2026-11-30 10:01:01+00:00", tick=False):
        assert (
            client.post("/contact/", inquiry_data(), REMOTE_ADDR="198.51.100.2").status_code == 302
        )
    assert Inquiry.objects.count() == 2
