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


def test_a_refused_question_gives_back_what_was_written_and_the_way_back(client, content, settings):
    """The refusal is a short page (not the whole form again), but nothing typed is lost: the
    question is shown back, with a link to the form."""
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, "inquiry": 0}
    question = "سلام؛ برای خوشهٔ چاقو\u200cسازی زمین صنعتی در زنجان هست؟"
    refused = client.post("/contact/?cluster=knife", inquiry_data(message=question))
    assert refused.status_code == 429
    html = refused.content.decode()
    assert 'readonly aria-label="متن شما"' in html
    assert question in page_text(refused) or question in html
    assert 'href="/contact/?cluster=knife"' in html
    assert Inquiry.objects.count() == 0


def test_a_refused_vote_leads_back_to_its_page(client, content, settings):
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, "feedback": 0}
    refused = client.post("/feedback/", feedback_data("/clusters/olive/", comment="مفید بود"))
    assert refused.status_code == 429
    assert 'href="/clusters/olive/"' in refused.content.decode()
    assert "مفید بود" in refused.content.decode()
    assert PageFeedback.objects.count() == 0


@pytest.mark.parametrize("path", ["http://[", "/no/such/page/", "", "x" * 400])
def test_a_refused_vote_with_a_broken_page_address_leads_home(client, content, settings, path):
    """Beyond the cap a vote is refused before its form is read: whatever it names as its page
    (here addresses a form would reject), the refusal is a 429 that leads to the home page."""
    settings.OUTREACH_SITE_CAP_PER_MINUTE = {**settings.OUTREACH_SITE_CAP_PER_MINUTE, "feedback": 0}
    refused = client.post("/feedback/", feedback_data(path))
    assert refused.status_code == 429
    assert '<a href="/">' in refused.content.decode()
    assert PageFeedback.objects.count() == 0
