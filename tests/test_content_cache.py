"""Fragments and values cached per content version: what a signed-in editor's pages are built
from, shared by every worker, and never older than the last edit or scheduled change."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusters.models import Cluster
from core.content_cache import GENERATION_KEY, content_version
from news.models import Post
from tests.helpers import page_text


@pytest.fixture
def editor(client, content, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="x" * 16))
    return client


def _main(response) -> str:
    return page_text(response).split("<main", 1)[1]


def _content_queries(queries) -> list[str]:
    """Queries that read the portal's content, not the visitor's session and account."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if "django_session" not in query["sql"] and "auth_user" not in query["sql"]
    ]


@pytest.mark.parametrize("path", ["/clusters/zinc/", "/news/", "/en/news/"])
def test_a_second_render_reads_the_page_content_from_the_fragment_cache(editor, path):
    first = editor.get(path)
    with CaptureQueriesContext(connection) as queries:
        second = editor.get(path)
    assert second.status_code == 200
    # The news list needs no content query at all; a cluster page only looks up its cluster.
    assert len(_content_queries(queries)) <= 1
    assert _main(second) == _main(first)


def test_an_edit_on_another_server_shows_here(editor):
    """Another server's edit reaches this process only as a new generation in the shared cache:
    a value this process keeps in memory must not outlive it."""
    editor.get("/clusters/zinc/")
    # A write that sends no signal here, as another server's would not...
    Cluster.objects.filter(slug="zinc").update(name_fa="خوشه روی و سرب")
    assert "خوشه روی و سرب" not in _main(editor.get("/clusters/zinc/"))
    # ...and the generation that server's invalidation bumps in the shared cache.
    cache.incr(GENERATION_KEY)
    assert "<h1>خوشه روی و سرب</h1>" in _main(editor.get("/clusters/zinc/"))


def test_the_version_moves_when_a_scheduled_post_goes_live(content):
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    Post.objects.create(
        title_fa="خبر آینده",
        slug="ayande",
        body_fa="متن",
        status=Post.Status.PUBLISHED,
        publish_at=publish_at,
    )
    before = content_version()
    assert content_version() == before
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1), tick=False):
        assert content_version() != before


def test_each_page_keeps_its_own_address_in_the_feedback_form(editor):
    """The feedback fields are one cached fragment; the page address must not be."""
    editor.get("/clusters/zinc/")
    page = page_text(editor.get("/clusters/knife/"))
    assert 'name="feedback-path" value="/clusters/knife/"' in page
    assert "/clusters/zinc/" not in page.split('class="feedback"', 1)[1]


def test_a_previewed_draft_never_shows_as_the_published_post(editor, django_user_model):
    """A staff preview and the public page of the same post are different fragments."""
    post = Post.objects.create(
        title_fa="خبر منتشرشده",
        slug="montasher",
        body_fa="<p>متن</p>",
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
    staff = django_user_model.objects.create_superuser("boss", "boss@example.org", "x" * 16)
    editor.force_login(staff)
    preview = page_text(editor.get(f"/news/preview/{post.pk}/"))
    public = page_text(editor.get(post.get_absolute_url()))
    assert 'class="notice preview"' in preview
    assert 'class="notice preview"' not in public


def test_a_restarted_cache_never_brings_back_an_old_page(editor):
    """Redis keeps nothing on disk: after a restart the shared cache is empty, while each worker
    still holds fragments in memory under the generation it saw before."""
    editor.get("/clusters/zinc/")
    Cluster.objects.filter(slug="zinc").update(name_fa="خوشه روی و سرب")
    cache.clear()
    assert "<h1>خوشه روی و سرب</h1>" in _main(editor.get("/clusters/zinc/"))


def test_one_readers_query_string_never_reaches_anothers_page_links(editor):
    """The pagination links keep the visitor's own query string, so they stay out of the
    cached list: another reader of the same page must not get links with someone else's."""
    for number in range(settings.PORTAL_NEWS_PAGE_SIZE + 1):
        Post.objects.create(
            title_fa=f"خبر {number}",
            slug=f"khabar-{number}",
            body_fa="<p>متن</p>",
            status=Post.Status.PUBLISHED,
            publish_at=timezone.now() - datetime.timedelta(hours=number + 1),
        )
    assert "utm_source=mail" in _main(editor.get("/news/?utm_source=mail"))
    assert "utm_source" not in _main(editor.get("/news/"))
