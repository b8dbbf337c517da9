"""Tags for the page frame: the other language's address of the current page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def other_languages(context):
    """[(code, name, url)] for every language but the active one, keeping the visitor's page."""
    request = context["request"]
    current = get_language()
    return [
        (code, name, translate_url(request.get_full_path(), code))
        for code, name in settings.LANGUAGES
        if code != current
    ]
