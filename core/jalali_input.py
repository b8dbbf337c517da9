"""Jalali dates as people type them: the one parser every form, admin field and import uses.

Accepted: year, month and day in that order, separated by "/" or "-" (or "." or a space),
month and day with or without a leading zero, in Persian, Arabic-Indic or ASCII digits, with
direction marks from a paste ignored: `1405/06/31`, `1405/6/31`, `۱۴۰۵/۰۶/۳۱`, `1405-06-31`.
A time may follow (`1405/06/31 14:30`, seconds optional). Refused, with a Persian message that
says why: a month outside 1–12, a day past the month's end (31 in the first six months, 30 in
the next five, 29 in Esfand, 30 in a leap year's Esfand by jdatetime's 33-year rule), and
anything that is not a date. Two-digit years are refused rather than guessed.
"""

import datetime
import re

import jdatetime
from django.utils.translation import gettext as _

from core.persian import localize_digits
from core.text import clean_identifier

_DATE = re.compile(r"(?P<year>\d{4})[/\-. ](?P<month>\d{1,2})[/\-. ](?P<day>\d{1,2})")
_TIME = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
)


class JalaliInputError(ValueError):
    """A typed date that is not a Jalali date; `str(error)` is the reader's message."""


def _month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def _date(match: re.Match) -> jdatetime.date:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        raise JalaliInputError(
            _("The month must be between 1 and 12; “%(month)s” is not a Jalali month.")
            % {"month": localize_digits(month)}
        )
    length = _month_length(year, month)
    if not 1 <= day <= length:
        if month == 12 and day == 30:
            raise JalaliInputError(
                _("%(year)s is not a leap year: Esfand %(year)s has 29 days.")
                % {"year": localize_digits(year)}
            )
        raise JalaliInputError(
            _("Month %(month)s has %(length)s days; day %(day)s does not exist.")
            % {
                key: localize_digits(number)
                for key, number in (("month", month), ("length", length), ("day", day))
            }
        )
    return jdatetime.date(year, month, day)


def _invalid(text: str) -> JalaliInputError:
    return JalaliInputError(
        _("“%(value)s” is not a Jalali date. Write year/month/day, for example 1405/06/31.")
        % {"value": text}
    )


def parse_jalali_date(text: str) -> jdatetime.date:
    """A typed Jalali date; JalaliInputError (a ValueError) with the reason when it is not one."""
    cleaned = clean_identifier(text)
    match = _DATE.fullmatch(cleaned)
    if match is None:
        raise _invalid(text)
    return _date(match)


def parse_jalali_datetime(text: str) -> jdatetime.datetime:
    """A typed Jalali date and time ("1405/06/31 14:30"), naive; midnight when no time is given.

    The caller attaches the time zone (forms: the current one, i.e. Tehran).
    """
    cleaned = clean_identifier(text)
    date_part, _space, time_part = cleaned.partition(" ")
    if time_part and _DATE.fullmatch(cleaned):  # "1405 06 31": spaces as separators
        date_part, time_part = cleaned, ""
    match = _DATE.fullmatch(date_part)
    if match is None:
        raise _invalid(text)
    day = _date(match)
    if not time_part:
        return jdatetime.datetime(day.year, day.month, day.day)
    clock = _TIME.fullmatch(time_part)
    if clock is None:
        raise JalaliInputError(
            _("“%(value)s” is not a time of day. Write hours:minutes, for example 14:30.")
            % {"value": time_part}
        )
    try:
        moment = datetime.time(
            int(clock["hour"]),
            int(clock["minute"]),
            int(clock["second"] or 0),
            int((clock["fraction"] or "0").ljust(6, "0")),
        )
    except ValueError as error:
        raise JalaliInputError(
            _("“%(value)s” is not a time of day. Write hours:minutes, for example 14:30.")
            % {"value": time_part}
        ) from error
    return jdatetime.datetime(
        day.year, day.month, day.day, moment.hour, moment.minute, moment.second, moment.microsecond
    )
