"""RSS 2.0 and Atom, per language and per category, parsed as XML the way feed readers do."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Category, Post
from tests.helpers import page_text

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def posts(content):
    category = Category.objects.create(slug="events", name_fa="رویدادها", name_en="Events")
    published = datetime.datetime(2025, 11, 1, 6, 30, tzinfo=datetime.UTC)
    Post.objects.create(
        title_fa="خبر فارسی",
        title_en="English news",
        slug="one",
        body_fa="<p>متن</p>",
        status="published",
        publish_at=published,
        category=category,
    )
    Post.objects.create(
        title_fa="خبر بی‌دسته",
        slug="two",
        body_fa="<p>x</p>",
        status="published",
        publish_at=published - datetime.timedelta(days=1),
    )
    Post.objects.create(title_fa="پیش‌نویس", slug="d", body_fa="<p>x</p>")
    Post.objects.create(
        title_fa="آینده",
        slug="f",
        body_fa="<p>x</p>",
        status="published",
        publish_at=timezone.now() + datetime.timedelta(hours=1),
    )
    return published


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel").findall("item")


def atom_entries(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_rss_lists_published_posts_with_rfc822_dates(client, posts):
    items = rss_items(client, "/news/feed/rss/")
    assert [item.findtext("title") for item in items] == ["خبر فارسی", "خبر بی‌دسته"]
    pub_date = items[0].findtext("pubDate")
    # RFC 822 with a zone; parsing it gives back the exact instant.
    assert email.utils.parsedate_to_datetime(pub_date) == posts
    one = Post.objects.get(slug="one")
    assert items[0].findtext("link") == f"http://testserver/news/{one.pk}/one/"


def test_atom_uses_rfc3339_dates_with_a_zone(client, posts):
    entries = atom_entries(client, "/news/feed/atom/")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["خبر فارسی", "خبر بی‌دسته"]
    published = entries[0].findtext(f"{ATOM}published")
    assert datetime.datetime.fromisoformat(published) == posts
    assert published.endswith(("Z", "+00:00", "+03:30"))


def test_english_feeds_are_in_english_with_english_links(client, posts):
    items = rss_items(client, "/en/news/feed/rss/")
    assert items[0].findtext("title") == "English news"
    assert "/en/news/" in items[0].findtext("link")
    # No English title: falls back to Persian rather than vanishing.
    assert items[1].findtext("title") == "خبر بی‌دسته"
    entries = atom_entries(client, "/en/news/feed/atom/")
    assert entries[0].findtext(f"{ATOM}title") == "English news"


def test_category_feeds_hold_only_that_category(client, posts):
    assert [i.findtext("title") for i in rss_items(client, "/news/feed/events/rss/")] == [
        "خبر فارسی"
    ]
    assert len(atom_entries(client, "/news/feed/events/atom/")) == 1
    assert client.get("/news/feed/nope/rss/").status_code == 404


@pytest.mark.parametrize("path", ["/", "/news/", "/clusters/", "/en/", "/en/news/"])
def test_every_page_advertises_both_feeds(client, posts, path):
    html = page_text(client.get(path))
    prefix = "/en" if path.startswith("/en/") else ""
    assert 'type="application/rss+xml" title="' in html
    assert f'href="{prefix}/news/feed/rss/"' in html
    assert f'href="{prefix}/news/feed/atom/"' in html


def test_a_category_page_also_advertises_its_own_feed(client, posts):
    html = page_text(client.get("/news/?category=events"))
    assert 'href="/news/feed/events/rss/"' in html
    assert 'href="/news/feed/events/atom/"' in html
