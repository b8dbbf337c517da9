"""The moments at which news pages change by themselves."""

from .models import Post

# More than any office schedules at once; a page's cache lifetime needs only the next one.
SCHEDULED_POSTS_SEEN = 100


def publish_moments() -> list:
    """Publish times of posts published but not yet live, soonest first."""
    return list(
        Post.objects.scheduled().values_list("publish_at", flat=True)[:SCHEDULED_POSTS_SEEN]
    )
