"""Persian text, digit, number and Jalali date helpers: the one place every app uses.

The text layer itself (what search folds, what input keeps and changes, as a table) is
`core.text`; numbers are printed by CLDR in `core.numbers`; typed Jalali dates are read by
`core.jalali_input`; Persian alphabetical order is `core.collation`. This module re-exports the
names apps already import (`normalize`, `fold`, `to_ascii_digits`, `format_number`).
"""

import datetime
import re

import jdatetime
from django.utils import timezone
from django.utils.translation import get_language
from persiantools import digits

from core import numbers

# Re-exported: apps import the text layer's names from here too.
from core.text import ZWNJ, fold, normalize, to_ascii_digits  # noqa: F401


def active_language() -> str:
    """The active language without its region, "fa" or "en"; Persian where none is active."""
    return (get_language() or "fa").split("-")[0]


def to_persian_digits(text) -> str:
    return digits.en_to_fa(str(text)).replace("%", "٪")


def localize_digits(text, language: str | None = None) -> str:
    """Text in the reader's digits: Persian on Persian pages (the active language by default)."""
    if (language or active_language()) == "fa":
        return to_persian_digits(text)
    return str(text)


def format_number(value, language: str, decimals: int | None = None) -> str:
    """A number as CLDR prints it for the language (see `core.numbers.format_number`)."""
    return numbers.format_number(value, language, decimals)


def to_gregorian(value):
    """A jDate/jDateTime field's value as Python's date or datetime (others pass through)."""
    if isinstance(value, jdatetime.datetime | jdatetime.date):
        return value.togregorian()
    return value


def local_datetime(value) -> datetime.datetime | None:
    """An instant (datetime or Jalali datetime) as a Gregorian datetime in Tehran time.

    What feeds, the API, the sitemap and downloads print: the offset travels with the time
    (2030-03-21T00:30:00+03:30), so no reader takes a UTC time for a Tehran one.
    """
    if value is None:
        return None
    value = to_gregorian(value)
    return timezone.localtime(value) if timezone.is_aware(value) else value


def local_date(value) -> datetime.date | None:
    """The Tehran calendar day of an instant: 2030-03-20 21:00 UTC is 2030-03-21 (1 Farvardin)."""
    if value is None:
        return None
    value = local_datetime(value)
    return value.date() if isinstance(value, datetime.datetime) else value


def to_jalali(value) -> jdatetime.date | jdatetime.datetime:
    """A date or datetime in the Jalali calendar; an aware datetime in local (Tehran) time first."""
    if isinstance(value, jdatetime.datetime):
        value = value.togregorian()
    elif isinstance(value, jdatetime.date):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return jdatetime.datetime.fromgregorian(datetime=value)
    if isinstance(value, datetime.date):
        return jdatetime.date.fromgregorian(date=value)
    raise TypeError(f"not a date: {value!r}")


def format_date(value, language: str, with_time: bool = False) -> str:
    """A date as readers expect it: Jalali with Persian month names, or Gregorian in English."""
    if not value:
        return ""
    jvalue = to_jalali(value)
    show_time = with_time and isinstance(jvalue, jdatetime.datetime)
    if language == "fa":
        pattern = "%-d %B %Y، ساعت %H:%M" if show_time else "%-d %B %Y"
        localized = jdatetime.datetime.fromgregorian(
            datetime=jvalue.togregorian()
            if isinstance(jvalue, jdatetime.datetime)
            else datetime.datetime.combine(jvalue.togregorian(), datetime.time()),
            locale="fa_IR",
        )
        return to_persian_digits(localized.strftime(pattern))
    gregorian = jvalue.togregorian()
    pattern = "%-d %B %Y, %H:%M" if show_time else "%-d %B %Y"
    return gregorian.strftime(pattern)


def iso_date_pair(value) -> tuple[str, str] | tuple[None, None]:
    """A date as (Jalali, Gregorian) ISO strings, e.g. ("1393-08-28", "2014-11-19"), for data."""
    if not value:
        return None, None
    jvalue = to_jalali(value)
    return jvalue.strftime("%Y-%m-%d"), jvalue.togregorian().isoformat()


def jalali_month_label(year: int, month: int, language: str) -> str:
    """A Jalali month as readers name it: "آبان ۱۴۰۴" in Persian, "Aban 1404" in English."""
    first = jdatetime.date(year, month, 1, locale="fa_IR" if language == "fa" else "en_US")
    return localize_digits(first.strftime("%B %Y"), language)


def jalali_year_to_gregorian(year: int) -> str:
    """The Gregorian years a Jalali year spans, e.g. 1393 -> "2014–2015"."""
    return f"{year + 621}–{year + 622}"


_VARIANTS = {
    "ی": "یيى",
    "ک": "کك",
    "ه": "هةۀە",
    "ا": "اأإٱ",
    **{str(d): f"{d}{'۰۱۲۳۴۵۶۷۸۹'[d]}{'٠١٢٣٤٥٦٧٨٩'[d]}" for d in range(10)},
}


def variant_pattern(term: str) -> str:
    """A regular expression matching a normalised term however it was typed in the original.

    Used to highlight a search term in the original text: each letter matches its Arabic and
    Persian forms, each digit its three scripts, a space matches a space or ZWNJ, and
    diacritics, kashida, ZWNJ or an invisible direction mark may stand between letters.
    """
    parts = []
    for char in normalize(term):
        if char == " ":
            parts.append(r"[\s\u200c]+")
        else:
            variants = _VARIANTS.get(char, char)
            parts.append("[" + re.escape(variants) + re.escape(variants.upper()) + "]")
    joiner = "[\u064b-\u065f\u0670\u0640\u200c\u200e\u200f]*"
    # A trailing hamza (هٔ) belongs to the word: the mark covers it too.
    return joiner.join(parts) + "[\u0654]?"


def iso_datetime(value) -> str:
    """ISO 8601 in Gregorian, seconds precision, local offset (what <time datetime> accepts)."""
    if not value:
        return ""
    if isinstance(value, jdatetime.datetime | jdatetime.date):
        value = value.togregorian()
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()
