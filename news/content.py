"""Load the demo news set: sample posts so a new installation shows every page filled."""

import datetime

from django.utils import timezone

from clusters.models import Cluster
from core.loading import translated

from .models import Category, Post


def load_demo_posts(data: dict, now: datetime.datetime | None = None) -> None:
    """Dates are relative to now, so the demo's upcoming event stays upcoming."""
    now = now or timezone.now()
    categories = {}
    for category in data["categories"]:
        categories[category["slug"]], _created = Category.objects.update_or_create(
            slug=category["slug"],
            defaults={"order": category["order"], **translated(category, "name")},
        )
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    for record in data["posts"]:
        event_start = event_end = None
        if "event_in_days" in record:
            event_start = now + datetime.timedelta(days=record["event_in_days"])
            event_end = event_start + datetime.timedelta(hours=record["event_hours"])
        post = Post.objects.filter(slug=record["key"], is_demo=True).first() or Post(
            slug=record["key"], is_demo=True
        )
        fields = {
            "kind": record["kind"],
            "category": categories[record["category"]],
            "status": record.get("status", Post.Status.PUBLISHED),
            "publish_at": now - datetime.timedelta(days=record["days_ago"]),
            "is_important": record["important"],
            "event_start": event_start,
            "event_end": event_end,
            **translated(record, "title", "lead", "body"),
            "event_place_fa": record.get("place", {}).get("fa", ""),
            "event_place_en": record.get("place", {}).get("en", ""),
        }
        for name, value in fields.items():
            setattr(post, name, value)
        # Validation sanitises the bodies with the admin's allow-list: fixtures are input too.
        post.full_clean()
        post.save()
        post.clusters.set([clusters[slug] for slug in record["clusters"] if slug in clusters])
