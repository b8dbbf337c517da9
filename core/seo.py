"""What crawlers read besides the pages: robots.txt and structured data."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.site import absolute_url

# The same escaping as Django's json_script: a "</script>" in data cannot end the element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> str:
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def office_reference(request) -> dict:
    """The office as publisher or organiser in schema.org data (no query: the site's name)."""
    return {
        "@type": "GovernmentOrganization",
        "name": _("Industrial Clusters Office of Zanjan"),
        "url": request.build_absolute_uri(reverse("home")),
    }


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        # The sitemap's own address on the public address, like the links inside it.
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
