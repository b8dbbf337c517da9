"""Template filters that print numbers and dates in the active language's script."""

from django import template
from django.utils.translation import get_language

from cluster_portal import persian

register = template.Library()


def _language() -> str:
    return (get_language() or "fa").split("-")[0]


@register.filter
def num(value, decimals=None):
    """66000 -> ۶۶٬۰۰۰ on Persian pages, 66,000 on English ones."""
    return persian.format_number(value, _language(), decimals)


@register.filter
def digits(value):
    """Persian digits in any text (a Jalali year, a rank) on Persian pages."""
    if value is None:
        return ""
    return persian.to_persian_digits(value) if _language() == "fa" else str(value)


@register.filter
def jdate(value):
    return persian.format_date(value, _language())


@register.filter
def jdatetime(value):
    return persian.format_date(value, _language(), with_time=True)


@register.filter
def gregorian_years(jalali_year):
    return persian.jalali_year_to_gregorian(int(jalali_year))


@register.filter
def machine_datetime(value):
    """The value for a <time datetime> attribute: Gregorian ISO 8601 to the second."""
    return persian.iso_datetime(value)
