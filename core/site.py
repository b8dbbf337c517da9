"""The portal's public address: one setting, `PORTAL_SITE_URL`, for every absolute link.

Mails, feeds and sitemaps are read away from the page that made them (in a mail program, a
feed reader, a crawler), and mails are sent by jobs with no request at all, so their links
come from this setting rather than from a request's Host header. `make run` and `make serve`
set it to the address they serve (DJANGO_SITE_URL).
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """The base address without a trailing slash, e.g. "http://127.0.0.1:8800"."""
    return settings.PORTAL_SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` ("/news/1/x/") on the public address; an address that is already absolute stays."""
    if urlsplit(path).scheme:
        return path
    return site_url() + "/" + path.lstrip("/")


def site_domain() -> str:
    """Host and port of the public address ("127.0.0.1:8800"), as sitemaps want it."""
    return urlsplit(site_url()).netloc


def site_protocol() -> str:
    return urlsplit(site_url()).scheme or "https"
