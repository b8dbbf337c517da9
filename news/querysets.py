"""Named reads of posts, so views and template tags never repeat a filter."""

import datetime

import jdatetime
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.persian import to_jalali

from .choices import Kind, Status


def jalali_month_span(year: int, month: int | None = None) -> tuple[datetime.datetime, ...]:
    """[start, end) in local time of a Jalali year, or of one month of it.

    Raises ValueError for a year or month the calendar does not have.
    """
    if month is None:
        start, end = jdatetime.datetime(year, 1, 1), jdatetime.datetime(year + 1, 1, 1)
    else:
        start = jdatetime.datetime(year, month, 1)
        end = jdatetime.datetime(year + (month == 12), month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return tuple(timezone.make_aware(value.togregorian(), zone) for value in (start, end))


# When an event is over: its end, or its start when it has none. Post.Meta indexes this very
# expression for events, so "upcoming" reads a few index entries instead of every event.
EVENT_OVER_AT = Coalesce("event_end", "event_start")


class PostQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: published, and its publish time has passed.

        A scheduled post is simply a published one with a future time, so it appears on time
        without any background job.
        """
        return self.filter(status=Status.PUBLISHED, publish_at__lte=timezone.now())

    def scheduled(self):
        """Published but waiting for their time, soonest first."""
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now()).order_by(
            "publish_at"
        )

    def important(self):
        return self.published().filter(is_important=True)

    def in_cluster(self, cluster):
        """Posts about a cluster: a Cluster, or a cluster's slug as an address gives it."""
        if isinstance(cluster, str):
            return self.filter(clusters__slug=cluster)
        return self.filter(clusters=cluster)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def events(self):
        return self.published().of_kind(Kind.EVENT)

    def upcoming_events(self):
        """Published events that have not ended yet, soonest first."""
        return (
            self.events()
            .alias(over_at=EVENT_OVER_AT)
            .filter(over_at__gte=timezone.now())
            .order_by("event_start", "pk")
        )

    def past_events(self):
        """Published events that are over, most recent first."""
        return (
            self.events()
            .alias(over_at=EVENT_OVER_AT)
            .filter(over_at__lt=timezone.now())
            .order_by("-event_start", "-pk")
        )

    def for_listing(self):
        return self.select_related("category").order_by("-publish_at", "-pk")

    def in_jalali(self, year: int, month: int | None = None):
        start, end = jalali_month_span(year, month)
        return self.filter(publish_at__gte=start, publish_at__lt=end)

    def jalali_months(self) -> list[tuple[int, int]]:
        """(year, month) pairs of the Jalali months with published posts, newest first.

        The database returns the distinct local days (a few hundred a year however many posts
        there are); only those are converted to the Jalali calendar.
        """
        days = self.published().datetimes(
            "publish_at", "day", tzinfo=timezone.get_current_timezone()
        )
        months = set()
        for day in days:
            jalali = to_jalali(day)
            months.add((jalali.year, jalali.month))
        return sorted(months, reverse=True)

    def citing(self, basis):
        return self.published().filter(legal_bases=basis).for_listing()

    def related_to(self, post):
        """Other published posts that share a cluster with this one."""
        # EXISTS rather than JOIN + DISTINCT: the newest posts are walked by the publish-time
        # index and each is checked once, instead of de-duplicating every post of the clusters.
        shares_a_cluster = self.model.clusters.through.objects.filter(
            post_id=models.OuterRef("pk"),
            cluster_id__in=post.clusters.values("pk"),
        )
        return (
            self.published()
            .filter(models.Exists(shares_a_cluster))
            .exclude(pk=post.pk)
            .for_listing()
        )

    def neighbours(self, post):
        """The published posts just older and just newer than this one, in listing order."""
        published = self.published()
        older = published.filter(
            Q(publish_at__lt=post.publish_at) | Q(publish_at=post.publish_at, pk__lt=post.pk)
        ).order_by("-publish_at", "-pk")
        newer = published.filter(
            Q(publish_at__gt=post.publish_at) | Q(publish_at=post.publish_at, pk__gt=post.pk)
        ).order_by("publish_at", "pk")
        return older.first(), newer.first()
