"""A change-list filter by Jalali year and month, for any date or date-time field.

Django's date filters and `date_hierarchy` think in Gregorian years (P5); the office thinks in
Jalali ones: "the inquiries of Aban 1405". `JalaliMonthListFilter` lists the Jalali years the
field's values span (one aggregate query, whatever the table's size), newest first, and once a
year is chosen its twelve months by their Persian names. It filters with a range on the stored
value (the months' first instants in Tehran time), so an index on the field is used.

Usage: `list_filter = [("created_at", JalaliMonthListFilter)]` on a jDateField, django-jalali's
jDateTimeField, core.fields.JalaliDateTimeField or Django's own DateField / DateTimeField.
"""

import datetime

import jdatetime
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import models
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .persian import active_language, jalali_month_label, localize_digits, to_jalali


def month_bounds(field: models.Field, year: int, month: int | None):
    """(first instant, first instant after) of a Jalali month, or of the year without one, as
    values the field compares: Jalali dates for a date field, UTC instants for a date-time."""
    start = jdatetime.date(year, month or 1, 1)
    if month is None or month == 12:
        end = jdatetime.date(year + 1, 1, 1)
    else:
        end = jdatetime.date(year, month + 1, 1)
    if not isinstance(field, models.DateTimeField):
        return start, end

    def instant(day):
        local = datetime.datetime.combine(day.togregorian(), datetime.time())
        aware = timezone.make_aware(local, timezone.get_default_timezone())
        # UTC, as the instants were stored: django-jalali's field compares them as text on SQLite.
        return aware.astimezone(datetime.UTC)

    return instant(start), instant(end)


class JalaliMonthListFilter(admin.FieldListFilter):
    """Filter a change list by the Jalali year, then month, of a date or date-time field."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.year_kwarg = f"{field_path}__jyear"
        self.month_kwarg = f"{field_path}__jmonth"
        super().__init__(field, request, params, model, model_admin, field_path)
        self.year, self.month = self._chosen()
        self.queryset_for_years = model_admin.get_queryset(request)

    def _chosen(self):
        def number(kwarg, low, high):
            value = self.used_parameters.get(kwarg)
            if isinstance(value, list):
                value = value[-1] if value else None
            if value in (None, ""):
                return None
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise IncorrectLookupParameters(value) from None
            if not low <= number <= high:
                raise IncorrectLookupParameters(value)
            return number

        year = number(self.year_kwarg, 1, 9377)
        month = number(self.month_kwarg, 1, 12)
        return year, (month if year else None)

    def expected_parameters(self):
        return [self.year_kwarg, self.month_kwarg]

    def queryset(self, request, queryset):
        if self.year is None:
            return queryset
        start, end = month_bounds(self.field, self.year, self.month)
        return queryset.filter(**{f"{self.field_path}__gte": start, f"{self.field_path}__lt": end})

    def _years(self) -> list[int]:
        span = self.queryset_for_years.aggregate(
            first=Min(self.field_path), last=Max(self.field_path)
        )
        if span["first"] is None:
            return []
        first, last = to_jalali(span["first"]).year, to_jalali(span["last"]).year
        return list(range(last, first - 1, -1))

    def has_output(self):
        return True

    def choices(self, changelist):
        language = active_language()
        yield {
            "selected": self.year is None,
            "query_string": changelist.get_query_string(remove=[self.year_kwarg, self.month_kwarg]),
            "display": _("Any date"),
        }
        for year in self._years():
            yield {
                "selected": self.year == year and self.month is None,
                "query_string": changelist.get_query_string(
                    {self.year_kwarg: year}, [self.month_kwarg]
                ),
                "display": localize_digits(year, language),
            }
            if year != self.year:
                continue
            for month in range(1, 13):
                yield {
                    "selected": self.month == month,
                    "query_string": changelist.get_query_string(
                        {self.year_kwarg: year, self.month_kwarg: month}
                    ),
                    "display": "— " + jalali_month_label(year, month, language),
                }
