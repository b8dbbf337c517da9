import datetime

import pytest
from django.utils import timezone

from news.models import Post
from tests.helpers import page_text


def test_important_demo_news_is_pinned_on_the_home_page_and_labelled(client, demo):
    html = page_text(client.get("/"))
    assert "اخبار مهم" in html
    assert "نشست هماهنگی برای انتخاب عامل توسعه" in html
    assert "محتوای نمونه" in html


def test_drafts_never_reach_the_public(client, demo):
    draft = Post.objects.get(status=Post.Status.DRAFT)
    assert draft.title_fa not in page_text(client.get("/news/"))
    assert draft.title_fa not in page_text(client.get("/"))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_post_page_shows_its_jalali_date_and_clusters(client, demo):
    post = Post.objects.published().filter(clusters__slug="zinc").first()
    # 19 November 2014, noon in Tehran, is 28 Aban 1393.
    post.publish_at = datetime.datetime(2014, 11, 19, 8, 30, tzinfo=datetime.UTC)
    post.save()
    html = page_text(client.get(post.get_absolute_url()))
    assert post.title_fa in html
    assert '<time datetime="2014-11-19T12:00:00+03:30">۲۸ آبان ۱۳۹۳</time>' in html
    assert 'href="/clusters/zinc/"' in html


def test_a_wrong_slug_redirects_to_the_post(client, demo):
    post = Post.objects.published().first()
    response = client.get(f"/news/{post.pk}/wrong-slug/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_event_page_shows_start_and_place(client, demo):
    event = Post.objects.published().filter(kind=Post.Kind.EVENT).first()
    html = page_text(client.get(event.get_absolute_url()))
    assert event.event_place_fa in html
    assert "آغاز" in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999"])
def test_bad_page_numbers_are_a_404_not_an_error(client, demo, page):
    assert client.get(f"/news/?page={page}").status_code == 404


def test_news_list_paginates(client, content, settings):
    now = timezone.now()
    for index in range(12):
        Post.objects.create(
            title_fa=f"خبر {index}",
            slug=f"n{index}",
            body_fa="متن",
            status="published",
            publish_at=now - datetime.timedelta(hours=index + 1),
        )
    first = page_text(client.get("/news/"))
    assert "خبر 0" in first and "خبر 11" not in first
    assert "خبر 11" in page_text(client.get("/news/?page=2"))


def test_home_lists_upcoming_events_but_not_past_ones(client, demo):
    html = page_text(client.get("/"))
    assert "کارگاه آموزشی بازاریابی برای چاقوسازان" in html  # in 14 days
    assert "هم\u200cاندیشی کسب\u200cوکارهای گردشگری" not in html  # ended 10 days ago


def publish(title, kind=Post.Kind.NEWS, clusters=()):
    post = Post.objects.create(
        title_fa=title,
        slug=f"p{Post.objects.count()}",
        body_fa="متن",
        kind=kind,
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
    post.clusters.set(clusters)
    return post


def test_a_cluster_page_lists_its_own_news_not_another_clusters(client, content):
    from clusters.models import Cluster

    publish("خبر روی", clusters=[Cluster.objects.get(slug="zinc")])
    publish("خبر چاقو", clusters=[Cluster.objects.get(slug="knife")])
    html = page_text(client.get("/clusters/zinc/"))
    assert "خبر روی" in html and "خبر چاقو" not in html


def test_the_kind_filter_lists_only_posts_of_that_kind(client, content):
    publish("یک خبر")
    publish("یک اطلاعیه", kind=Post.Kind.ANNOUNCEMENT)
    html = page_text(client.get("/news/", {"kind": "announcement"}))
    assert "یک اطلاعیه" in html and "یک خبر" not in html
