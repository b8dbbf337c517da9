"""The admin front page's work queue: right counts, links to exactly those rows, fixed cost."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from cluster_portal.work_queue import INQUIRY_ANSWER_DAYS, work_queue
from news.models import Post
from outreach.models import Inquiry, SiteNotice, Subscriber

pytestmark = pytest.mark.django_db


def make_rows(size: int, *, now, author=None) -> None:
    """`size` rows of each kind the queue counts, and one of each kind it names."""
    Post.objects.bulk_create(
        Post(
            kind=Post.Kind.NEWS,
            title_fa=f"پیش‌نویس {index}",
            slug=f"draft-{index}",
            status=Post.Status.DRAFT,
            publish_at=now,
            author=author,
        )
        for index in range(size)
    )
    Post.objects.bulk_create(
        Post(
            kind=Post.Kind.EVENT,
            title_fa=f"برنامه‌ریزی‌شده {index}",
            slug=f"scheduled-{index}",
            status=Post.Status.PUBLISHED,
            publish_at=now + datetime.timedelta(hours=index + 1),
        )
        for index in range(size)
    )
    Inquiry.objects.bulk_create(
        Inquiry(
            kind=Inquiry.Kind.INVEST,
            name="مریم",
            email=f"m{index}@example.org",
            message="پرسش",
            reference=f"R-{index}",
            # Every other one is older than the answer period: overdue.
            created_at=now - datetime.timedelta(days=(INQUIRY_ANSWER_DAYS + 1) * (index % 2)),
        )
        for index in range(size)
    )
    Subscriber.objects.bulk_create(
        Subscriber(email=f"s{index}@example.org") for index in range(size)
    )
    SiteNotice.objects.create(
        text="بسته بودن دفتر",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(days=1),
    )
    SiteNotice.objects.create(
        text="مهلت ثبت‌نام",
        starts_at=now + datetime.timedelta(days=2),
        ends_at=now + datetime.timedelta(days=3),
    )


@pytest.fixture
def publisher(django_user_model):
    return django_user_model.objects.create_superuser("head", "head@example.org", "x" * 16)


def lines_by_url(panels):
    return {line.url: line for panel in panels for line in panel.lines}


def test_each_line_links_to_exactly_its_rows(client, publisher):
    now = timezone.now()
    make_rows(4, now=now)
    client.force_login(publisher)
    page = client.get(reverse("admin:index")).content.decode()
    assert "۴ پیش‌نویس در انتظار انتشار" in page
    assert "۴ درخواست تازه" in page
    assert "۲ درخواست بیش از ۷ روز بی‌پاسخ مانده‌اند" in page
    assert "۴ خواننده هنوز تأیید نکرده‌اند" in page
    assert "بسته بودن دفتر" in page and "مهلت ثبت‌نام" in page
    counted = [line for line in lines_by_url(work_queue(publisher, now=now)).values() if line.count]
    assert len(counted) == 4
    for line in counted:
        response = client.get(line.url)
        assert response.status_code == 200, line.url
        # The filtered change list shows the same number of rows as the line says.
        assert response.context["cl"].result_count == line.count, line.url


def test_scheduled_posts_show_their_jalali_time(publisher):
    now = timezone.now()
    make_rows(2, now=now)
    news = work_queue(publisher, now=now)[0]
    scheduled = [line for line in news.lines if line.when]
    assert len(scheduled) == 2
    # Persian digits and a Persian month name, to the minute.
    assert any(digit in scheduled[0].when for digit in "۰۱۲۳۴۵۶۷۸۹")
    assert "ساعت" in scheduled[0].when


def test_an_editor_sees_only_their_own_drafts_and_what_they_may_view(django_user_model):
    editor = django_user_model.objects.create_user(
        "editor", "e@example.org", "x" * 16, is_staff=True
    )
    posts = ContentType.objects.get_for_model(Post)
    editor.user_permissions.add(
        *Permission.objects.filter(content_type=posts).exclude(codename__startswith="publish")
    )
    now = timezone.now()
    make_rows(3, now=now)
    Post.objects.filter(slug="draft-0").update(author=editor)
    editor = django_user_model.objects.get(pk=editor.pk)
    panels = work_queue(editor, now=now)
    # No inquiry, notice or reader panel without the permission to view them.
    assert [str(panel.title) for panel in panels] == ["خبر", "ویرایش‌های اخیر شما"]
    drafts = panels[0].lines[0]
    assert drafts.count == 1
    assert f"author__id__exact={editor.pk}" in drafts.url


def test_recent_edits_are_the_users_own(publisher, django_user_model):
    other = django_user_model.objects.create_superuser("other", "o@example.org", "x" * 16)
    posts = ContentType.objects.get_for_model(Post)
    for user, title in ((publisher, "ویرایش من"), (other, "ویرایش دیگری")):
        LogEntry.objects.create(
            user=user, content_type=posts, object_id="1", object_repr=title, action_flag=CHANGE
        )
    edits = work_queue(publisher)[-1]
    assert [line.label for line in edits.lines] == ["ویرایش من"]


@pytest.mark.parametrize("size", [10, 1000])
def test_the_queue_costs_the_same_few_queries_at_any_size(
    publisher, size, django_assert_max_num_queries
):
    now = timezone.now()
    make_rows(size, now=now)
    for index in range(12):
        LogEntry.objects.create(
            user=publisher,
            content_type=ContentType.objects.get_for_model(Post),
            object_id=str(index),
            object_repr=f"مطلب {index}",
            action_flag=CHANGE,
        )
    # One per line: drafts, scheduled, new and overdue inquiries, notices now and next,
    # pending readers, recent edits; the publish permission check reads the user's groups.
    with django_assert_max_num_queries(11):
        panels = work_queue(publisher, now=now)
    assert sum(len(panel.lines) for panel in panels) >= 10
