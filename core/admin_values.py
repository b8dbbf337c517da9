"""Values in the admin as the office reads them: Jalali dates, Persian digits, machine text LTR.

Django prints a change list's columns and a form's read-only fields with its own formats: a date
Gregorian and a django-jalali value as raw text ("1405-09-09 21:24:26.918005+0330"), a number in
Latin digits on a Persian page ("66000٫00", "1393"), and an e-mail, phone or address inside the
right-to-left page, where "+98 912 345 6789" reads "6789 345 912 98+". The mixins below swap
each such field among a change list's columns and a form's read-only fields (view-only pages and
inlines too) for a column that prints it for the reader:

- a date or date-time through core.persian.format_date: "۹ آذر ۱۴۰۵، ساعت ۲۱:۲۴" on a Persian
  page, "30 November 2026, 21:24" on an English one; a narrow column breaks its line between
  the date and the time, never inside either (Django keeps its own date columns unbroken);
- a number through core.numbers (CLDR): "۶۶٬۰۰۰" / "66,000"; a year in the page's digits,
  never grouped ("۱۳۹۳");
- an e-mail, URL, phone or reference (core.forms' identifier rule) left to right, in an
  element of its own direction that keeps to the page's alignment; a slug, often Persian, in its
  own text's direction (`dir="auto"`);
- rich text (django-prose-editor) as its allow-listed markup in a `.rich-text` block, lists
  with their bullets (core/static/css/admin-office.css), not as escaped tags.

Columns keep their heading and still sort by the field. Fields an editor types into (the Jalali
picker, a list's editable `order` box) are left alone, and no link or URL carries the printed
value: it is display only.
"""

import functools
import re
from decimal import Decimal
from types import MethodType

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField

from .forms import is_slug, model_field_cleaner
from .numbers import format_number
from .persian import active_language, format_date, localize_digits
from .sanitize import sanitize_html
from .text import clean_identifier

EMPTY = "-"  # the admin's own mark: a read-only field would print None as "None"
# Read-only text a program wrote, Latin and punctuation: a page's address, a mail's identifier,
# an SMTP error. Nobody types these, so the forms' cleaning rule does not name them.
MACHINE_WRITTEN = ("path", "message_id", "last_error")
# Between a date and its time in core.persian.format_date: "۹ آذر ۱۴۰۵، ساعت ۲۱:۲۴".
DATE_TIME_BREAK = re.compile(r"(?<=[،,]) ")


def _column(field: models.Field, suffix: str, show):
    @admin.display(description=field.verbose_name, ordering=field.name)
    def column(obj):
        value = getattr(obj, field.name)
        if value is None or value == "":
            return EMPTY
        return show(value)

    column.__name__ = field.name + suffix
    return column


def rich_text(html: str):
    """Stored rich text shown read-only: the allow-listed markup only, in a `.rich-text` block."""
    return format_html('<div class="rich-text">{}</div>', mark_safe(sanitize_html(html)))


def readable_date(value, *, with_time: bool):
    """A date, or a date and its time, each in one unbreakable piece."""
    shown = format_date(value, active_language(), with_time=with_time)
    parts = DATE_TIME_BREAK.split(shown, maxsplit=1)
    return format_html_join(" ", '<span class="nowrap">{}</span>', ((part,) for part in parts))


def is_year(field: models.Field) -> bool:
    return field.name == "year" or field.name.endswith("_year")


def is_number(field: models.Field) -> bool:
    return (
        isinstance(field, models.IntegerField | models.DecimalField | models.FloatField)
        and not field.choices
        and not field.primary_key
    )


def is_machine_text(field: models.Field) -> bool:
    """E-mails, URLs, slugs, phones, references (what the forms clean as identifiers), and the
    text programs write."""
    if field.name in MACHINE_WRITTEN and isinstance(field, models.CharField):
        return True
    return model_field_cleaner(field) is clean_identifier


def readable_column(field: models.Field):
    """The admin column / read-only field printing `field` for the reader, or None."""
    if not getattr(field, "concrete", False) or field.is_relation:
        return None
    if isinstance(field, models.DateField):
        with_time = isinstance(field, models.DateTimeField)
        return _column(field, "_jalali", lambda value: readable_date(value, with_time=with_time))
    if is_number(field) and is_year(field):
        return _column(field, "_number", lambda value: localize_digits(value))
    if is_number(field):
        return _column(field, "_number", lambda value: format_number(value, active_language()))
    if isinstance(field, ProseEditorField):
        return _column(field, "_html", rich_text)
    if isinstance(field, models.URLField):
        return _column(
            field, "_ltr", lambda value: format_html('<a href="{}" dir="ltr">{}</a>', value, value)
        )
    if is_slug(field.name, field):
        return _column(
            field, "_bidi", lambda value: format_html('<span dir="auto">{}</span>', value)
        )
    if is_machine_text(field):
        return _column(field, "_ltr", lambda value: format_html('<span dir="ltr">{}</span>', value))
    return None


def with_readable_number(display):
    """An admin column of the admin's own (`cluster_count`) printing the number it returns as
    the model's number columns do; any other value is left as it is."""

    @functools.wraps(display)
    def column(obj):
        value = display(obj)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return format_number(value, active_language())
        return value

    return column


class _ReadableValues:
    """What both mixins share: the columns, and read-only fields and fieldsets swapped to them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # {field name: column name}; the columns are instance attributes, so the admin finds
        # them by name as it finds its own methods.
        self.readable_columns = {}
        for field in self.model._meta.get_fields():
            column = readable_column(field)
            if column is not None:
                setattr(self, column.__name__, column)
                self.readable_columns[field.name] = column.__name__
        # Wrapped on the instance, so an admin's own get_readonly_fields (PostAdmin decides
        # read-only fields by role) is swapped too, whatever it calls.
        own_readonly = self.get_readonly_fields

        def get_readonly_fields(admin, request, obj=None):
            return [admin.readable_name(name) for name in own_readonly(request, obj)]

        # A bound method, as Django's system checks expect (they read `__func__`).
        self.get_readonly_fields = MethodType(get_readonly_fields, self)

    def readable_name(self, name):
        if isinstance(name, str):
            return self.readable_columns.get(name, name)
        return name

    def _without_columns(self, names):
        columns = set(self.readable_columns.values())
        return [name for name in names if name not in columns]

    def _leave_out_swapped(self, form, request, obj):
        # A read-only field now goes by its column's name, so Django would no longer leave the
        # field itself out of the form: leave it out here, declared or not.
        fields = {column: name for name, column in self.readable_columns.items()}
        for name in self.get_readonly_fields(request, obj):
            if name in fields:
                form.base_fields.pop(fields[name], None)
                form.declared_fields.pop(fields[name], None)

    def get_fieldsets(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))
        # A reader without the right to change sees every field read-only.
        view_only = obj is not None and not self.has_change_permission(request, obj)

        def swap(name):
            if isinstance(name, tuple | list):
                return type(name)(swap(inner) for inner in name)
            column = self.readable_name(name)
            return column if view_only or column in readonly else name

        return [
            (title, {**options, "fields": [swap(name) for name in options["fields"]]})
            for title, options in super().get_fieldsets(request, obj)
        ]


class ReadableValuesAdminMixin(_ReadableValues):
    """For a ModelAdmin: columns, read-only and view-only fields printed for the reader."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        for name in self.list_display:
            if not isinstance(name, str) or name.startswith("__"):
                continue
            own = getattr(self, name, None)
            if callable(own) and name not in self.readable_columns:
                setattr(self, name, with_readable_number(own))
        own_columns = self.get_list_display

        def get_list_display(admin, request):
            editable = set(admin.list_editable)
            return [
                name if name in editable else admin.readable_name(name)
                for name in own_columns(request)
            ]

        self.get_list_display = MethodType(get_list_display, self)

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        return None if links is None else [self.readable_name(name) for name in links]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields"):
            # Columns, never form fields (the fieldsets name them when a reader may only view).
            kwargs["fields"] = self._without_columns(kwargs["fields"])
        form = super().get_form(request, obj, change=change, **kwargs)
        self._leave_out_swapped(form, request, obj)
        return form


class ReadableValuesInlineMixin(_ReadableValues):
    """For an inline: its read-only and view-only fields printed for the reader."""

    def get_formset(self, request, obj=None, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"]:
            kwargs["fields"] = self._without_columns(kwargs["fields"])
        formset = super().get_formset(request, obj, **kwargs)
        self._leave_out_swapped(formset.form, request, obj)
        return formset
