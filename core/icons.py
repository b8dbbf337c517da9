"""The icons browsers and phones ask the site for: /favicon.ico, /apple-touch-icon.png and the
web app manifest that names the home-screen icons, in the page's language.

Browsers request /favicon.ico and /apple-touch-icon.png at the root whatever the page says, so
both answer there with the file itself (no redirect). The images live in core/static/icons/
(drawn by ops/make_icons.py).
"""

import json

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

BRAND = "#083f54"
BACKGROUND = "#ffffff"
DAY = 60 * 60 * 24
ROOT_FILES = {
    "favicon.ico": "image/x-icon",
    "apple-touch-icon.png": "image/png",
}


@require_GET
@cache_control(max_age=DAY, public=True)
def root_icon(request, name):
    """/favicon.ico or /apple-touch-icon.png, read from the static icons."""
    path = finders.find(f"icons/{name}")
    if name not in ROOT_FILES or path is None:
        raise Http404
    with open(path, "rb") as file:
        return HttpResponse(file.read(), content_type=ROOT_FILES[name])


@require_GET
@cache_control(max_age=DAY, public=True)
def web_manifest(request):
    """The web app manifest: the site's name, language, colours and home-screen icons."""
    manifest = {
        "name": _("Industrial Clusters Office of Zanjan"),
        "short_name": _("Zanjan clusters"),
        "description": _(
            "Industrial clusters of Zanjan province: the programme, the priority clusters, "
            "the carpet sector's figures, news and events."
        ),
        "lang": get_language(),
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": BRAND,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    body = json.dumps(manifest, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/manifest+json; charset=utf-8")
