import datetime

import pytest
from django.utils import timezone

from news.models import Post
from tests.news.factories import make_post


@pytest.mark.django_db
def test_published_hides_drafts_unpublished_and_future_posts():
    now = timezone.now()
    visible = make_post(publish_at=now - datetime.timedelta(minutes=1))
    make_post(status=Post.Status.DRAFT)
    make_post(status=Post.Status.UNPUBLISHED)
    make_post(publish_at=now + datetime.timedelta(hours=1))
    assert list(Post.objects.published()) == [visible]


@pytest.mark.django_db
def test_event_cannot_end_before_it_starts():
    from django.db import IntegrityError, transaction

    start = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_post(kind="event", event_start=start, event_end=start - datetime.timedelta(hours=1))
