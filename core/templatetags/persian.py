"""Template filters that print numbers and dates in the active language's script."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from core import persian

register = template.Library()


@register.filter
def num(value, decimals=None):
    """66000 -> ۶۶٬۰۰۰ on Persian pages, 66,000 on English ones."""
    return persian.format_number(value, persian.active_language(), decimals)


@register.filter
def digits(value):
    """Persian digits in any text (a Jalali year, a rank) on Persian pages."""
    if value is None:
        return ""
    return persian.localize_digits(value)


@register.filter
def jdate(value):
    return persian.format_date(value, persian.active_language())


@register.filter
def jdatetime(value):
    return persian.format_date(value, persian.active_language(), with_time=True)


@register.filter
def gregorian_years(jalali_year):
    return persian.jalali_year_to_gregorian(int(jalali_year))


@register.filter
def machine_datetime(value):
    """The value for a <time datetime> attribute: Gregorian ISO 8601 to the second."""
    return persian.iso_datetime(value)


# A run of words in the other script: Latin words on a Persian page, Persian ones on an English.
_FOREIGN_RUN = {
    "fa": re.compile(r"[A-Za-z][A-Za-z0-9_'\-]*(?:[ \-]+[A-Za-z][A-Za-z0-9_'\-]*)*"),
    "en": re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\u200c]*(?:[ \u200c]+[\u0600-\u06ff]+)*"),
}


# In HTML, only the text between tags and character references is language.
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")


@register.filter(needs_autoescape=True)
def mark_language(text, autoescape=True):
    """Text with every run in the other language wrapped in <span lang="…">.

    A screen reader then reads "UNIDO" or "information network" with an English voice inside
    Persian text (WCAG 3.1.2). Plain text is escaped; in safe HTML (a search snippet with its
    <mark>s) tags and character references are kept as they are.
    """
    if text is None:
        return ""
    language = persian.active_language()
    run = _FOREIGN_RUN[language]
    wrap = '<span lang="{}">\\g<0></span>'.format("en" if language == "fa" else "fa")
    if isinstance(text, SafeData):
        pieces = _MARKUP.split(str(text))
        # split() with a group puts the markup at the odd positions.
        return mark_safe(
            "".join(piece if i % 2 else run.sub(wrap, piece) for i, piece in enumerate(pieces))
        )
    text = conditional_escape(text) if autoescape else str(text)
    return mark_language(mark_safe(text))
