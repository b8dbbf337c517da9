"""News rows for tests: a post that is valid as it is, any field overridable."""

import itertools

from news.models import Post

_numbers = itertools.count(1)


def make_post(**fields) -> Post:
    """A published Persian news post with a unique slug; `fields` override the defaults
    (e.g. `status=Post.Status.DRAFT`, `publish_at=…`, `kind=Post.Kind.EVENT`)."""
    number = next(_numbers)
    defaults = {
        "title_fa": f"خبر {number}",
        "slug": f"khabar-{number}",
        "body_fa": "<p>متن خبر</p>",
        "status": Post.Status.PUBLISHED,
    }
    return Post.objects.create(**(defaults | fields))
