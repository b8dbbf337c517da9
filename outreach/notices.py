"""Site notices as every page reads them: once per content generation, not per request."""

from core.content_cache import cached_for_generation_only

from .models import SiteNotice


def unfinished_notices() -> list[SiteNotice]:
    """Active notices not yet ended as of the last edit, soonest start first; each page checks
    their window against the clock (`SiteNotice.is_showing`)."""
    return cached_for_generation_only("site-notices", SiteNotice.objects.unfinished)


def notice_moments() -> list:
    """Each unfinished notice's start and end: the moments a page gains or loses it."""
    return [
        moment for notice in unfinished_notices() for moment in (notice.starts_at, notice.ends_at)
    ]
