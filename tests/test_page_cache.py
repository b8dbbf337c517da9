"""Anonymous pages come from the shared cache, signed-in readers get pages built from cached
fragments, and every change shows on the next request to both."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusters.models import Cluster
from news.models import Post
from tests.conftest import page_text


@pytest.fixture(params=["anonymous", "signed in"])
def reader(request, client, content, django_user_model):
    """Anonymous readers get whole cached pages; a signed-in editor bypasses the page cache and
    gets the same content from cached fragments (core.content_cache)."""
    if request.param == "signed in":
        client.force_login(django_user_model.objects.create_user("reader", password="x" * 16))
    return client


def test_second_anonymous_request_is_served_from_the_cache(client, content):
    first = client.get("/clusters/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/clusters/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # The generation and the page itself: two cache reads, no content query.
    assert len(queries) <= 2


def test_languages_are_cached_separately(client, content):
    client.get("/clusters/zinc/")
    assert '<html lang="en"' in page_text(client.get("/en/clusters/zinc/"))


def test_an_edit_shows_on_the_next_request_in_both_languages(reader):
    reader.get("/clusters/zinc/")
    reader.get("/en/clusters/zinc/")
    zinc = Cluster.objects.get(slug="zinc")
    zinc.name_fa = "خوشه روی و سرب"
    zinc.name_en = "Zinc and lead cluster"
    zinc.save()
    assert "خوشه روی و سرب" in page_text(reader.get("/clusters/zinc/"))
    assert "Zinc and lead cluster" in page_text(reader.get("/en/clusters/zinc/"))


def test_publish_and_unpublish_show_at_once(reader):
    post = Post.objects.create(title_fa="خبر تازه", slug="taze", body_fa="متن")
    assert "خبر تازه" not in page_text(reader.get("/news/"))
    post.status = Post.Status.PUBLISHED
    post.save()
    assert "خبر تازه" in page_text(reader.get("/news/"))
    assert "خبر تازه" in page_text(reader.get(post.get_absolute_url()))
    post.status = Post.Status.UNPUBLISHED
    post.save()
    assert "خبر تازه" not in page_text(reader.get("/news/"))
    assert reader.get(post.get_absolute_url()).status_code == 404


def test_a_scheduled_post_appears_when_its_time_passes(reader):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    Post.objects.create(
        title_fa="خبر زمان‌بندی‌شده",
        slug="zamanbandi",
        body_fa="متن",
        status=Post.Status.PUBLISHED,
        publish_at=publish_at,
    )
    assert "خبر زمان‌بندی‌شده" not in page_text(reader.get("/news/"))
    with CaptureQueriesContext(connection) as queries:
        assert "خبر زمان‌بندی‌شده" not in page_text(reader.get("/news/"))
    # Served from a cache: no post was read...
    assert not [query for query in queries.captured_queries if "news_post" in query["sql"]]
    # ...but only until the publish time.
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1), tick=False):
        assert "خبر زمان‌بندی‌شده" in page_text(reader.get("/news/"))


def test_staff_never_get_a_cached_page(client, staff_client, content):
    client.get("/clusters/")
    response = staff_client.get("/clusters/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_pages_answer_conditional_requests(client, content):
    first = client.get("/carpets/")
    etag = first["ETag"]
    again = client.get("/carpets/", headers={"if-none-match": etag})
    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/news/?page=abc", "/no-such-page/"])
def test_errors_are_not_cached(client, content, path):
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)


def test_an_event_that_ends_leaves_the_upcoming_list_when_it_ends(reader):
    start = timezone.now() + datetime.timedelta(minutes=30)
    end = start + datetime.timedelta(hours=2)
    Post.objects.create(
        title_fa="کارگاه زیتون",
        slug="kargah",
        body_fa="متن",
        kind=Post.Kind.EVENT,
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - datetime.timedelta(days=1),
        event_start=start,
        event_end=end,
    )
    assert "کارگاه زیتون" in page_text(reader.get("/news/events/"))
    assert "کارگاه زیتون" in page_text(reader.get("/news/events/"))  # now from a cache
    with time_machine.travel(end + datetime.timedelta(seconds=1), tick=False):
        assert "کارگاه زیتون" not in page_text(reader.get("/news/events/"))
