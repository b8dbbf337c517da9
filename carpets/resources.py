"""CSV / XLSX import of observations in the admin (django-import-export).

Column names are the ones the downloads use, so a downloaded file can be corrected and imported
back. Editors type Persian or Arabic digits and Jalali dates; each widget here accepts them and
says in Persian what is wrong with a cell. A file with any bad row writes nothing: the resource
runs in one transaction and the admin only offers to confirm a file without errors.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from core.persian import normalize, to_ascii_digits
from core.resources import CleanImportMixin, CleanTextWidget, JalaliDateWidget

from .models import Indicator, Observation, Source

# Thousands separators people type: Persian ٬, Arabic ٬ and comma, and spaces.
_GROUPING = re.compile(r"[\u066c,\s\u200c]")


def _ascii(value) -> str:
    return to_ascii_digits(str(value)).strip()


class DigitsIntegerWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        text = _GROUPING.sub("", _ascii(value))
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if not text.isdecimal():
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
        return int(text)


class DigitsDecimalWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
        text = _GROUPING.sub("", _ascii(value)).replace("\u066b", ".").replace("/", ".")
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else f"{value.normalize():f}"


class PersianBooleanWidget(widgets.BooleanWidget):
    TRUE_VALUES = [*widgets.BooleanWidget.TRUE_VALUES, "بله", "آری", "yes", "Yes"]
    FALSE_VALUES = [*widgets.BooleanWidget.FALSE_VALUES, "خیر", "نه", "no", "No"]

    def clean(self, value, row=None, **kwargs):
        value = _ascii(value) if isinstance(value, str) else value
        if value in self.NULL_VALUES:
            return False
        if value in self.TRUE_VALUES:
            return True
        if value in self.FALSE_VALUES:
            return False
        raise ValueError(_("“%(value)s” is neither yes nor no.") % {"value": value})


class ScopeWidget(widgets.Widget):
    """The stored code (province, national) or its label in either language."""

    def clean(self, value, row=None, **kwargs):
        wanted = normalize(value or "")
        for choice in Observation.Scope:
            if wanted in {normalize(choice.value), normalize(choice.label)}:
                return choice.value
        raise ValueError(
            _("“%(value)s” is not a scope; use province or national.") % {"value": value}
        )


class SlugForeignKeyWidget(widgets.ForeignKeyWidget):
    def __init__(self, model, message):
        super().__init__(model, field="slug")
        self.message = message

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            raise ValueError(_("This cell is required."))
        try:
            return self.model.objects.get(slug=str(value).strip())
        except self.model.DoesNotExist:
            raise ValueError(self.message() % {"value": value}) from None


def _field(column, attribute=None, widget=None):
    widget = widget or CleanTextWidget(allow_blank=True)
    return fields.Field(column_name=column, attribute=attribute or column, widget=widget)


class ObservationResource(CleanImportMixin, resources.ModelResource):
    indicator = _field(
        "indicator",
        widget=SlugForeignKeyWidget(Indicator, lambda: _("No indicator has the slug “%(value)s”.")),
    )
    scope = _field("scope", widget=ScopeWidget())
    year_jalali = _field("year_jalali", "year", DigitsIntegerWidget())
    value = _field("value", widget=DigitsDecimalWidget())
    source = _field(
        "source",
        widget=SlugForeignKeyWidget(Source, lambda: _("No source has the slug “%(value)s”.")),
    )
    is_estimate = _field("is_estimate", widget=PersianBooleanWidget())
    recorded_on_jalali = _field("recorded_on_jalali", "recorded_on", JalaliDateWidget())
    reported_as_fa = _field("reported_as_fa")
    reported_as_en = _field("reported_as_en")
    method_note_fa = _field("method_note_fa")
    method_note_en = _field("method_note_en")
    note_fa = _field("note_fa")
    note_en = _field("note_en")

    class Meta:
        model = Observation
        fields = (
            "indicator",
            "scope",
            "year_jalali",
            "value",
            "source",
            "is_estimate",
            "recorded_on_jalali",
            "reported_as_fa",
            "reported_as_en",
            "method_note_fa",
            "method_note_en",
            "note_fa",
            "note_en",
        )
        # Re-importing one source's figure updates it; another source's figure is another row.
        import_id_fields = ("indicator", "year_jalali", "scope", "source")
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
