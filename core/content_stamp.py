"""When the public content last changed: the `Last-Modified` of the API and the open data.

The content version (`content_cache.content_version`) moves on every save and delete of public
content, every publish and unpublish, and every scheduled moment passed (a post going live).
The stamp is the time, in whole seconds, at which this site first answered from a version,
kept in the shared cache so every worker and server gives the same date. A new version always
gets a later stamp than the one before it, even within one second, so `If-Modified-Since` never
hides a change behind an equal date.
"""

import time
from datetime import UTC, datetime

from .content_cache import content_version, shared_cache

LATEST_KEY = "content-stamp:latest"
# Long enough to outlive any client's cached copy; a lost stamp only makes one date newer.
TIMEOUT = 60 * 60 * 24 * 90


def content_changed_at() -> datetime:
    """A UTC datetime with no fraction of a second."""
    cache = shared_cache()
    key = f"content-stamp:{content_version()}"
    stamp = cache.get(key)
    if stamp is None:
        latest = cache.get(LATEST_KEY) or 0
        candidate = max(int(time.time()), latest + 1)
        if cache.add(key, candidate, TIMEOUT):
            cache.set(LATEST_KEY, candidate, TIMEOUT)
        stamp = cache.get(key, candidate)
    return datetime.fromtimestamp(stamp, UTC)
