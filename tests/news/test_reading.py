"""What a reader finds: filters, Jalali archive, events, neighbours, related posts, legal bases."""

import datetime

import jdatetime
import pytest
from django.template import Context, Template
from django.utils import timezone

from clusters.models import Cluster, LegalBasis
from news.models import Category, Post
from tests.helpers import page_text

TEHRAN = timezone.get_fixed_timezone(210)


def at_jalali(year, month, day, hour=10):
    """An aware datetime for a Jalali wall-clock time in Tehran (no daylight saving since 1402)."""
    return jdatetime.datetime(year, month, day, hour, tzinfo=TEHRAN).togregorian()


def make(slug, **fields):
    defaults = {"title_fa": f"خبر {slug}", "slug": slug, "body_fa": "<p>متن</p>"}
    return Post.objects.create(**{"status": "published", **defaults, **fields})


@pytest.fixture
def categorised(content):
    news_cat = Category.objects.create(slug="cluster-news", name_fa="اخبار خوشه‌ها")
    other = Category.objects.create(slug="notices", name_fa="اطلاعیه‌ها")
    make("a", category=news_cat, publish_at=at_jalali(1404, 8, 1))
    make("b", category=other, kind="announcement", publish_at=at_jalali(1404, 8, 30, 23))
    make("c", category=news_cat, publish_at=at_jalali(1404, 9, 1, 0))
    return news_cat


def test_category_and_kind_filters(client, categorised):
    html = page_text(client.get("/news/?category=cluster-news"))
    assert "خبر a" in html and "خبر c" in html and "خبر b" not in html
    html = page_text(client.get("/news/?kind=announcement"))
    assert "خبر b" in html and "خبر a" not in html


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?category=nope", 404),  # no such category
        ("?kind=poem", 404),  # no such kind
        ("?category=%00", 400),  # refused site-wide before any view runs
        ("?kind=news&page=x", 404),
    ],
)
def test_bad_filters_are_refused_not_ignored(client, categorised, query, status):
    assert client.get(f"/news/{query}").status_code == status


def test_an_empty_kind_is_the_unfiltered_list(client, categorised):
    html = page_text(client.get("/news/?kind="))
    assert "خبر a" in html and "خبر b" in html and "خبر c" in html


def test_filters_survive_pagination(client, categorised, settings):
    for index in range(12):
        make(f"n{index}", kind="announcement", publish_at=at_jalali(1404, 7, 1 + index))
    html = page_text(client.get("/news/?kind=announcement"))
    assert "kind=announcement&amp;page=2" in html


def test_the_archive_by_jalali_month_uses_tehran_time(client, categorised):
    # 30 Aban 1404 23:00 is Aban in Tehran (20:30 UTC); 1 Azar 00:00 is Azar (Aban in UTC).
    aban = page_text(client.get("/news/archive/1404/8/"))
    assert "خبر a" in aban and "خبر b" in aban and "خبر c" not in aban
    assert "اخبار آبان ۱۴۰۴" in aban
    azar = page_text(client.get("/news/archive/1404/9/"))
    assert "خبر c" in azar and "خبر b" not in azar
    year = page_text(client.get("/news/archive/1404/"))
    assert all(f"خبر {slug}" in year for slug in "abc")
    assert "Aban 1404" in page_text(client.get("/en/news/archive/1404/8/"))
    assert 'href="/news/archive/1404/9/"' in page_text(client.get("/news/"))


@pytest.mark.parametrize(
    "path", ["1403/", "1404/13/", "1404/0/", "1404/10/", "99999/", "1404/8/x/"]
)
def test_an_unknown_archive_period_is_a_404(client, categorised, path):
    assert client.get(f"/news/archive/{path}").status_code == 404


def test_upcoming_and_past_events(client, content):
    now = timezone.now()
    make("soon", kind="event", event_start=now + datetime.timedelta(days=3))
    make(
        "over",
        kind="event",
        event_start=now - datetime.timedelta(days=3),
        event_end=now - datetime.timedelta(days=2),
    )
    upcoming = page_text(client.get("/news/events/"))
    past = page_text(client.get("/news/events/past/"))
    assert "خبر soon" in upcoming and "خبر over" not in upcoming
    assert "خبر over" in past and "خبر soon" not in past


def test_previous_next_and_related_posts(client, content):
    zinc, carpet = Cluster.objects.get(slug="zinc"), Cluster.objects.get(slug="handmade-carpet")
    now = timezone.now()
    older = make("older", publish_at=now - datetime.timedelta(days=3))
    middle = make("middle", publish_at=now - datetime.timedelta(days=2))
    newer = make("newer", publish_at=now - datetime.timedelta(days=1))
    make("draft-zinc", status="draft")
    for post in (older, middle):
        post.clusters.add(zinc)
    newer.clusters.add(carpet)
    html = page_text(client.get(middle.get_absolute_url()))
    nav = html.split('class="post-nav"', 1)[1]
    assert older.get_absolute_url() in nav and newer.get_absolute_url() in nav
    related = html.split('id="related-title"', 1)[1]
    assert "خبر older" in related
    assert "خبر newer" not in related and "draft-zinc" not in related


def test_legal_bases_on_the_post_and_the_basis_news_tag(client, content):
    basis = LegalBasis.objects.order_by("number").first()
    citing = make("citing")
    citing.legal_bases.add(basis)
    draft = make("draft-citing", status="draft")
    draft.legal_bases.add(basis)
    assert basis.title in page_text(client.get(citing.get_absolute_url()))
    rendered = Template("{% load news_tags %}{% legal_basis_news basis %}").render(
        Context({"basis": basis})
    )
    assert "خبر citing" in rendered and "draft-citing" not in rendered


def test_the_cluster_page_lists_only_its_published_news(client, content):
    zinc = Cluster.objects.get(slug="zinc")
    make("zinc-live").clusters.add(zinc)
    make("zinc-draft", status="draft").clusters.add(zinc)
    html = page_text(client.get(zinc.get_absolute_url()))
    assert "خبر zinc-live" in html and "zinc-draft" not in html
