"""Tags for the page frame: the other language's address of the current page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.translation import get_language

from core.seo import json_ld

register = template.Library()


def _local_path(request) -> str:
    """The request's path as an address on this site. A path such as `//evil.example/x` (or
    `/\\evil.example/x`), which a 404 page is asked for, would otherwise become a link to
    another host in the language switch and the canonical link."""
    return "/" + request.path.lstrip("/\\")


def _paths_by_language(request) -> dict[str, str]:
    """This page's path in every language, worked out once per request (the header and the
    <head> both need it, and each translation resolves the URL again)."""
    if not hasattr(request, "_paths_by_language"):
        request._paths_by_language = {
            code: translate_url(escape_uri_path(_local_path(request)), code)
            for code, _name in settings.LANGUAGES
        }
    return request._paths_by_language


@register.simple_tag(takes_context=True)
def other_languages(context):
    """[(code, name, url)] for every language but the active one, keeping the visitor's page."""
    request = context["request"]
    current = get_language()
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    paths = _paths_by_language(request)
    return [
        (code, name, f"{paths[code]}?{query}" if query else paths[code])
        for code, name in settings.LANGUAGES
        if code != current
    ]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address: no query string but the page number, on the site's own host."""
    request = context["request"]
    url = request.build_absolute_uri(_local_path(request))
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdecimal() and page != "1" else url


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """[(hreflang, absolute url)] for every language of this page, for <link rel="alternate">."""
    request = context["request"]
    alternates = [
        (code, request.build_absolute_uri(path))
        for code, path in _paths_by_language(request).items()
    ]
    default = dict(alternates)[settings.LANGUAGE_CODE]
    return [*alternates, ("x-default", default)]


@register.simple_tag
def structured_data(data):
    return json_ld(data)
