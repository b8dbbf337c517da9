"""Roles in the admin: editors draft, publishers publish; enforced on the server, not the UI."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from news.models import Post
from tests.helpers import page_text
from tests.news.factories import make_post
from tests.news.helpers import admin_form_data, jalali_split

ADD_URL = "/admin/news/post/add/"


def change_url(post):
    return f"/admin/news/post/{post.pk}/change/"


def draft_data(client, **changes):
    return admin_form_data(
        client.get(ADD_URL),
        title_fa="خبر آزمایشی",
        slug="test-post",
        body_fa="<p>متن <strong>خبر</strong></p>",
        **changes,
    )


def test_the_migration_creates_both_roles_with_the_right_permissions(db):
    editors = set(Group.objects.get(name="editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="publishers").permissions.values_list("codename", flat=True)
    )
    assert {"add_post", "change_post", "view_post"} <= editors
    assert "publish_post" not in editors and "delete_post" not in editors
    assert {"publish_post", "add_post", "change_post", "delete_post"} <= publishers


def test_an_editor_saves_a_draft_even_when_posting_a_published_status(editor_client, content):
    data = draft_data(editor_client, status="published")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, page_text(response)
    post = Post.objects.get(slug="test-post")
    assert post.status == Post.Status.DRAFT
    assert post.body_fa == "<p>متن <strong>خبر</strong></p>"
    assert post.author.username == "editor-user"


def test_an_editor_cannot_change_or_publish_a_published_post(editor_client, content):
    post = Post.objects.create(
        title_fa="منتشرشده", slug="live", body_fa="<p>x</p>", status="published"
    )
    response = editor_client.get(change_url(post))
    assert response.status_code == 200
    assert 'name="title_fa"' not in page_text(response)  # view-only page
    response = editor_client.post(change_url(post), {"title_fa": "دست‌کاری"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.title_fa == "منتشرشده"


def test_an_editor_has_no_publish_action(editor_client, content):
    draft = Post.objects.create(title_fa="پیش‌نویس", slug="d", body_fa="<p>x</p>")
    editor_client.post(
        "/admin/news/post/", {"action": "publish_now", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT


def test_a_publisher_publishes_with_the_admin_action(publisher_client, content):
    draft = Post.objects.create(title_fa="پیش‌نویس", slug="d", body_fa="<p>x</p>")
    publisher_client.post(
        "/admin/news/post/", {"action": "publish_now", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Post.Status.PUBLISHED
    assert draft.is_visible


def test_a_publisher_schedules_a_post_in_the_admin(publisher_client, content):
    draft = Post.objects.create(title_fa="زمان‌بندی", slug="s", body_fa="<p>x</p>")
    when = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0, second=0)
    date, time = jalali_split(when)
    data = admin_form_data(
        publisher_client.get(change_url(draft)),
        status="published",
        publish_at_0=date,
        publish_at_1=time,
    )
    response = publisher_client.post(change_url(draft), data)
    assert response.status_code == 302, page_text(response)
    draft.refresh_from_db()
    assert draft.status == Post.Status.PUBLISHED
    assert draft.publish_at.togregorian() == when
    assert draft.is_scheduled
    assert "زمان‌بندی‌شده" in page_text(publisher_client.get("/admin/news/post/"))


def test_a_publisher_unpublishes_with_the_admin_action(publisher_client, content):
    post = Post.objects.create(
        title_fa="منتشرشده", slug="live", body_fa="<p>x</p>", status="published"
    )
    publisher_client.post(
        "/admin/news/post/", {"action": "unpublish", "_selected_action": [post.pk]}
    )
    post.refresh_from_db()
    assert post.status == Post.Status.UNPUBLISHED


def test_anonymous_visitors_are_sent_to_the_admin_login(client, content):
    response = client.get(ADD_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("who", ["anonymous", "editor-outside-staff"])
def test_a_draft_preview_is_a_404_for_non_staff(client, content, django_user_model, who):
    draft = Post.objects.create(title_fa="پیش‌نویس محرمانه", slug="d", body_fa="<p>x</p>")
    if who != "anonymous":
        client.force_login(django_user_model.objects.create_user("reader"))
    response = client.get(draft.get_preview_url())
    assert response.status_code == 404
    assert "پیش‌نویس محرمانه" not in page_text(response)


def test_staff_preview_a_draft_marked_as_not_public(editor_client, content):
    draft = Post.objects.create(title_fa="پیش‌نویس", slug="d", body_fa="<p>متن پیش‌نویس</p>")
    response = editor_client.get(draft.get_preview_url())
    assert response.status_code == 200
    html = page_text(response)
    assert "متن پیش‌نویس" in html
    assert 'name="robots" content="noindex"' in html
    assert editor_client.get(draft.get_absolute_url()).status_code == 404


def test_the_post_list_filters_scheduled_posts_apart_from_published_ones(staff_client, content):
    """The list's state column says «زمان‌بندی‌شده» for a published post with a future time;
    its filter offers the same four states, so "published" lists only what readers see."""
    now = timezone.now()
    live = make_post(title_fa="منتشرشده", publish_at=now - datetime.timedelta(hours=1))
    waiting = make_post(title_fa="زمان‌بندی‌شده", publish_at=now + datetime.timedelta(days=1))
    draft = make_post(title_fa="پیش‌نویس", status=Post.Status.DRAFT)

    def listed(query):
        html = staff_client.get(f"/admin/news/post/?{query}").content.decode()
        return {post.pk for post in (live, waiting, draft) if f"/{post.pk}/change/" in html}

    assert listed("state=scheduled") == {waiting.pk}
    assert listed("state=published") == {live.pk}
    assert listed("state=draft") == {draft.pk}
    filters = page_text(staff_client.get("/admin/news/post/"))
    assert "?state=scheduled" in filters
