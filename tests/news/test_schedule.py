"""The clock: a scheduled post appears exactly when its time passes, everywhere at once."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine

from clusters.models import Cluster
from news import services
from news.models import Post
from tests.helpers import page_text

PUBLISH_AT = datetime.datetime(2026, 3, 1, 6, 30, tzinfo=datetime.UTC)  # 10:00 in Tehran
TITLE = "خبر زمان‌بندی‌شده"


def visible_on(client, cluster) -> dict[str, bool]:
    pages = {
        "home": page_text(client.get("/")),
        "list": page_text(client.get("/news/")),
        "cluster": page_text(client.get(cluster.get_absolute_url())),
        "rss": " ".join(ET.fromstring(client.get("/news/feed/rss/").content).itertext()),
        "atom": " ".join(ET.fromstring(client.get("/news/feed/atom/").content).itertext()),
    }
    return {name: TITLE in text for name, text in pages.items()}


@pytest.fixture
def scheduled(content, publisher):
    zinc = Cluster.objects.get(slug="zinc")
    with time_machine.travel(PUBLISH_AT - datetime.timedelta(days=1), tick=False):
        post = services.post_create(
            user=publisher,
            fields={"title_fa": TITLE, "slug": "s", "body_fa": "<p>x</p>", "is_important": True},
            clusters=[zinc],
        )
        services.post_schedule(post=post, user=publisher, publish_at=PUBLISH_AT)
    return post, zinc


def test_hidden_a_second_before_and_shown_at_the_second(client, scheduled):
    post, zinc = scheduled
    with time_machine.travel(PUBLISH_AT - datetime.timedelta(seconds=1), tick=False):
        assert visible_on(client, zinc) == dict.fromkeys(visible_on(client, zinc), False)
        assert client.get(post.get_absolute_url()).status_code == 404
    with time_machine.travel(PUBLISH_AT, tick=False):
        assert all(visible_on(client, zinc).values()), visible_on(client, zinc)
        assert client.get(post.get_absolute_url()).status_code == 200


def test_a_schedule_in_the_past_is_refused(content, publisher):
    from django.core.exceptions import ValidationError

    post = services.post_create(
        user=publisher, fields={"title_fa": "خبر", "slug": "p", "body_fa": "<p>x</p>"}
    )
    with pytest.raises(ValidationError):
        services.post_schedule(
            post=post, user=publisher, publish_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
        )
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT


@pytest.mark.parametrize("who", ["editor", "anonymous"])
def test_only_publishers_may_publish_schedule_or_unpublish(content, editor, publisher, who):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    user = editor if who == "editor" else AnonymousUser()
    post = services.post_create(
        user=publisher, fields={"title_fa": "خبر", "slug": "p", "body_fa": "<p>x</p>"}
    )
    future = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    for action in (
        lambda: services.post_publish(post=post, user=user),
        lambda: services.post_schedule(post=post, user=user, publish_at=future),
        lambda: services.post_unpublish(post=post, user=user),
        lambda: services.post_update(post=post, user=user, fields={"status": "published"}),
    ):
        with pytest.raises(PermissionDenied):
            action()
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT


def test_an_editor_may_change_a_draft_through_the_service(content, editor):
    from django.core.exceptions import PermissionDenied

    post = services.post_create(
        user=editor, fields={"title_fa": "خبر", "slug": "p", "body_fa": "<p>x</p>"}
    )
    services.post_update(post=post, user=editor, fields={"body_fa": "<p>y<script>z</script></p>"})
    post.refresh_from_db()
    assert post.body_fa == "<p>y</p>"
    with pytest.raises(PermissionDenied):
        services.post_create(
            user=editor,
            fields={"title_fa": "خ", "slug": "q", "body_fa": "<p>x</p>", "status": "published"},
        )
