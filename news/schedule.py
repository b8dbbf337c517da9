"""The moments at which news pages change by themselves: a scheduled post goes live, an event
ends (it leaves "upcoming events" and is marked past)."""

from .models import Post
from .querysets import EVENT_OVER_AT

# More than any office schedules at once; a page's cache lifetime needs only the next one.
MOMENTS_SEEN = 100


def publish_moments() -> list:
    """Publish times of posts published but not yet live, soonest first."""
    return list(Post.objects.scheduled().values_list("publish_at", flat=True)[:MOMENTS_SEEN])


def event_end_moments() -> list:
    """When each upcoming event is over (its end, else its start), soonest first."""
    return list(
        Post.objects.upcoming_events()
        .annotate(ends=EVENT_OVER_AT)
        .order_by("ends")
        .values_list("ends", flat=True)[:MOMENTS_SEEN]
    )
