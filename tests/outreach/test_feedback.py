import datetime

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from outreach.models import PageFeedback, SiteNotice
from tests.helpers import page_text
from tests.outreach.forms import stamp


def feedback(path="/clusters/olive/", **changes):
    data = {
        "feedback-path": path,
        "feedback-useful": "yes",
        "feedback-comment": "",
        "feedback-website": "",
        "feedback-started": stamp(),
    }
    return {**data, **{f"feedback-{key}": value for key, value in changes.items()}}


def render_feedback_tag(path, language="fa"):
    request = RequestFactory().get(path)
    with translation.override(language):
        return Template("{% load outreach_tags %}{% page_feedback %}").render(
            RequestContext(request, {})
        )


def test_the_feedback_tag_is_a_plain_form_that_posts_back_for_this_page(db):
    html = render_feedback_tag("/clusters/olive/")
    assert 'action="/feedback/"' in html and 'method="post"' in html
    # No form token: the page that carries the form stays in the shared page cache.
    assert 'name="csrfmiddlewaretoken"' not in html
    assert 'value="/clusters/olive/"' in html
    assert "<script" not in html and "style=" not in html
    assert "این صفحه برایتان مفید بود؟" in html
    assert 'action="/en/feedback/"' in render_feedback_tag("/en/clusters/olive/", "en")


def test_an_answer_is_stored_and_the_reader_returns_to_the_page_with_thanks(client, content):
    response = client.post("/feedback/", feedback(comment="جدول ارقام کمک کرد"), follow=True)
    assert response.redirect_chain == [("/clusters/olive/", 302)]
    assert "از بازخورد شما سپاسگزاریم." in page_text(response)
    answer = PageFeedback.objects.get()
    assert (answer.path, answer.language, answer.useful) == ("/clusters/olive/", "fa", True)
    assert answer.comment == "جدول ارقام کمک کرد"


def test_english_answer_is_kept_apart_and_thanked_in_english(client, content):
    response = client.post("/en/feedback/", feedback("/en/news/", useful="no"), follow=True)
    assert "Thank you for your feedback." in page_text(response)
    answer = PageFeedback.objects.get()
    assert (answer.path, answer.language, answer.useful) == ("/en/news/", "en", False)


def test_the_query_string_is_not_kept(client, content):
    client.post("/feedback/", feedback("/search/?q=my+private+words"))
    assert PageFeedback.objects.get().path == "/search/"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"useful": ""}, "این فیلد لازم است."),
        ({"useful": "maybe"}, "یک گزینهٔ معتبر انتخاب کنید"),
        ({"comment": "x" * 501}, "حداکثر 500 کاراکتر"),
        ({"comment": "<script>alert(1)</script>"}, "برچسب‌های HTML"),
        ({"path": ""}, "این فیلد لازم است."),
        ({"path": "https://evil.example/"}, "نشانی این صفحه معتبر نیست."),
        ({"path": "//evil.example/"}, "نشانی این صفحه معتبر نیست."),
        ({"path": "/no-such-page/"}, "نشانی این صفحه معتبر نیست."),
        ({"website": "spam"}, "پذیرفته نشد"),
        ({"started": "bad"}, "پذیرفته نشد"),
    ],
)
def test_bad_feedback_is_refused_in_persian_and_nothing_is_stored(
    client, content, changes, message
):
    response = client.post("/feedback/", feedback(**changes))
    assert response.status_code == 200
    assert message in page_text(response)
    assert PageFeedback.objects.count() == 0


def test_feedback_only_accepts_post(client, db):
    assert client.get("/feedback/").status_code == 405


def test_feedback_rate_limit(client, content, settings):
    settings.OUTREACH_RATE_LIMIT = {"count": 2, "window_seconds": 3600}
    for _ in range(3):
        client.post("/feedback/", feedback())
    assert PageFeedback.objects.count() == 2


def test_summary_counts_answers_per_page_and_language(db):
    for path, language, useful in [
        ("/clusters/olive/", "fa", True),
        ("/clusters/olive/", "fa", True),
        ("/clusters/olive/", "fa", False),
        ("/clusters/olive/", "fa", True),
        ("/en/clusters/olive/", "en", False),
    ]:
        PageFeedback.objects.create(path=path, language=language, useful=useful)
    rows = list(PageFeedback.objects.summary())
    assert rows[0] == {
        "path": "/clusters/olive/",
        "language": "fa",
        "total": 4,
        "useful": 3,
        "comments": 0,
    }
    assert rows[1]["total"] == 1 and rows[1]["useful"] == 0


def notice(**fields):
    now = timezone.now()
    values = {
        "text_fa": "سامانه جمعه از ساعت ۸ تا ۱۰ در دسترس نیست.",
        "text_en": "The site is down for maintenance on Friday 8-10.",
        "starts_at": now - datetime.timedelta(hours=1),
        "ends_at": now + datetime.timedelta(hours=1),
    }
    return SiteNotice.objects.create(**{**values, **fields})


def test_a_notice_shows_on_every_page_in_both_languages_only_in_its_window(client, content):
    notice(link="/news/")
    notice(
        text_fa="اطلاعیهٔ آینده",
        starts_at=timezone.now() + datetime.timedelta(days=1),
        ends_at=timezone.now() + datetime.timedelta(days=2),
    )
    notice(
        text_fa="اطلاعیهٔ گذشته",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    notice(text_fa="اطلاعیهٔ خاموش", is_active=False)
    for path in ("/", "/clusters/", "/news/"):
        html = page_text(client.get(path))
        assert "سامانه جمعه از ساعت ۸ تا ۱۰ در دسترس نیست." in html
        assert 'href="/news/">بیشتر</a>' in html
        assert "اطلاعیهٔ آینده" not in html and "اطلاعیهٔ گذشته" not in html
        assert "اطلاعیهٔ خاموش" not in html
    assert "The site is down for maintenance on Friday 8-10." in page_text(client.get("/en/"))


def test_no_notice_no_banner(client, content):
    assert "site-notice" not in page_text(client.get("/"))


def test_a_notice_must_end_after_it_starts_and_link_only_here(db):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    bad_window = SiteNotice(text_fa="x", starts_at=now, ends_at=now - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="پایان اطلاعیه"), translation.override("fa"):
        bad_window.full_clean()
    far_link = SiteNotice(
        text_fa="x", starts_at=now, ends_at=now + datetime.timedelta(hours=1), link="//evil.org/"
    )
    with pytest.raises(ValidationError):
        far_link.full_clean()


def test_site_notice_tag_renders_without_a_request(db):
    notice()
    html = Template("{% load outreach_tags %}{% site_notice %}").render(Context({}))
    assert "سامانه جمعه از ساعت" in html


def test_a_content_page_with_the_feedback_form_is_still_cached(client, content):
    client.get("/about/")
    response = client.get("/about/")
    assert 'action="/feedback/"' in response.content.decode()
    assert response["X-Page-Cache"] == "hit"


def test_feedback_posts_without_a_token_are_accepted(content):
    import datetime
    import re

    import time_machine
    from django.test import Client

    from outreach.models import PageFeedback

    strict = Client(enforce_csrf_checks=True)
    html = strict.get("/about/").content.decode()
    form = html[html.index('action="/feedback/"') :]
    form = form[: form.index("</form>")]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    data["feedback-useful"] = "yes"
    with time_machine.travel(datetime.timedelta(seconds=10)):
        response = strict.post("/feedback/", data)
    assert response.status_code == 302
    assert PageFeedback.objects.filter(path="/about/").count() == 1
