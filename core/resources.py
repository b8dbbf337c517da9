"""Imports (django-import-export) read cells through the text layer, like forms read input.

`CleanImportMixin` goes first in a ModelResource's bases: the widgets it derives from model
fields clean text (`core.forms.model_field_cleaner`) and read Jalali dates as people type
them (`core.jalali_input`). Resources that declare their own fields use these widgets directly.
"""

import datetime

from django_jalali.db import models as jmodels
from import_export import widgets

from core.forms import model_field_cleaner
from core.jalali_input import JalaliInputError, parse_jalali_date
from core.persian import to_jalali
from core.text import clean_identifier, clean_text


class CleanTextWidget(widgets.CharWidget):
    """A text cell as a form would store it: Arabic letters as Persian, no invisible marks."""

    cleaner = staticmethod(clean_text)

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        return self.cleaner(value) if isinstance(value, str) else value


class IdentifierWidget(CleanTextWidget):
    """An e-mail, phone or reference cell: no invisible marks, ASCII digits."""

    cleaner = staticmethod(clean_identifier)


class JalaliDateWidget(widgets.Widget):
    """Reads 1393-08-28, 1393/8/28 or ۱۳۹۳/۰۸/۲۸ as a Jalali date; writes %Y-%m-%d (P8).

    A date cell of a spreadsheet is Gregorian: it is converted, never reinterpreted.
    A date that does not exist (1404/12/30) is refused with the reason.
    """

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, datetime.date | datetime.datetime):
            day = value.date() if isinstance(value, datetime.datetime) else value
            return to_jalali(day)
        try:
            return parse_jalali_date(str(value))
        except JalaliInputError as error:
            raise ValueError(str(error)) from None

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%Y-%m-%d") if value else ""


class CleanImportMixin:
    """Widgets for fields derived from the model: cleaned text and typed Jalali dates."""

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, jmodels.jDateField):
            return JalaliDateWidget
        cleaner = model_field_cleaner(f)
        if cleaner is clean_identifier:
            return IdentifierWidget
        if cleaner is clean_text:
            return CleanTextWidget
        return super().widget_from_django_field(f, default)
