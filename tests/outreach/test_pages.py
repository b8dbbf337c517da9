"""The outreach pages in both languages: strict CSP, labelled fields, unique ids, valid HTML."""

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from outreach.models import SiteNotice, Subscriber
from outreach.services.alerts import unsubscribe_token
from tests.helpers import page_text
from tests.html_checker import assert_valid_html, needs_java

PAGES = ["/contact/", "/alerts/", "/alerts/check-email/", "/alerts/confirmed/"]


def assert_strict_page(html: str):
    assert "<script" not in html, "no script at all on these pages"
    assert "style=" not in html
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    # Every visible input, select and textarea has a <label for> (the honeypot included).
    for field_id in re.findall(r'<(?:input|select|textarea)[^>]*\sid="([^"]+)"', html):
        if f'id="{field_id}"' in html and 'type="hidden"' not in _tag(html, field_id):
            assert f'for="{field_id}"' in html, field_id


def _tag(html, field_id):
    return re.search(rf'<[^>]*\sid="{re.escape(field_id)}"[^>]*>', html).group(0)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("prefix", "lang", "direction"), [("", "fa", "rtl"), ("/en", "en", "ltr")])
def test_pages_in_both_languages(client, content, path, prefix, lang, direction):
    response = client.get(prefix + path)
    assert response.status_code == 200
    html = page_text(response)
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert_strict_page(html)


def test_contact_form_labels_its_fields_in_persian(client, content):
    html = page_text(client.get("/contact/"))
    for label in ("موضوع", "نام شما", "ایمیل", "تلفن (اختیاری)", "پیام"):
        assert f">{label}" in html
    assert "می‌خواهم در یک خوشه سرمایه‌گذاری کنم" in html
    assert "I want to invest in a cluster" in page_text(client.get("/en/contact/"))


def test_link_pages_in_both_languages(client, content):
    subscriber = Subscriber.objects.create(email="r@example.org")
    unsubscribe = f"/alerts/unsubscribe/{unsubscribe_token(subscriber)}/"
    for prefix, lang in (("", "fa"), ("/en", "en")):
        for path in (unsubscribe, "/alerts/confirm/some:token/"):
            response = client.get(prefix + path)
            assert response.status_code == 200
            assert f'lang="{lang}"' in page_text(response)
            assert_strict_page(page_text(response))


def page_with_everything(client):
    """A page carrying the notice banner, a flash message and the feedback form."""
    now = timezone.now()
    SiteNotice.objects.create(
        text_fa="اطلاعیه",
        text_en="Notice",
        link="/news/",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    return client


@needs_java
def test_outreach_pages_are_valid_html(client, content, tmp_path: Path):
    from tests.outreach.forms import stamp

    page_with_everything(client)
    subscriber = Subscriber.objects.create(email="r@example.org")
    bodies = {}
    for prefix in ("", "/en"):
        key = prefix.strip("/") or "fa"
        for index, path in enumerate(
            [*PAGES, f"/alerts/unsubscribe/{unsubscribe_token(subscriber)}/", "/alerts/confirm/x/"]
        ):
            bodies[f"{key}-{index}"] = client.get(prefix + path).content
        bodies[f"{key}-contact-errors"] = client.post(
            prefix + "/contact/", {"name": "<b>", "started": stamp()}
        ).content
        bodies[f"{key}-alerts-errors"] = client.post(prefix + "/alerts/", {"email": "x"}).content
        bodies[f"{key}-feedback-errors"] = client.post(
            prefix + "/feedback/", {"feedback-path": "/", "feedback-useful": "?"}
        ).content
        bodies[f"{key}-invalid-link"] = client.post(prefix + "/alerts/confirm/x/").content
        with translation.override(key):
            feedback = Template("{% load outreach_tags %}{% page_feedback %}").render(
                RequestContext(RequestFactory().get(prefix + "/news/"), {})
            )
        news = client.get(prefix + "/news/").content.decode()
        bodies[f"{key}-news-with-feedback"] = news.replace("</main>", feedback + "</main>").encode()
    for body in bodies.values():
        assert_strict_page(body.decode())
    assert_valid_html(bodies, tmp_path / "pages")
