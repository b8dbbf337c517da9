"""Dates in the admin as the office reads them: Jalali, Persian digits and month names.

Django prints a date column or read-only date with its own Gregorian formats, and a django-jalali
value as raw text ("1405-09-09 21:24:26.918005+0330"). `JalaliDatesAdminMixin` swaps every date
and date-time field among a change list's columns and a form's read-only fields for a column
that prints it through core.persian.format_date: "۹ آذر ۱۴۰۵، ساعت ۲۱:۲۴" on a Persian page,
"30 November 2026, 21:24" on an English one. Columns keep their heading and still sort by the
field. Fields an editor types into (the Jalali picker) are left alone.
"""

from types import MethodType

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from .persian import active_language, format_date

SUFFIX = "_jalali"


def jalali_display(field: models.Field):
    """An admin column / read-only field printing `field` in the reader's calendar."""
    with_time = isinstance(field, models.DateTimeField)

    @admin.display(description=field.verbose_name, ordering=field.name)
    def show(obj):
        value = getattr(obj, field.name)
        if not value:
            # The admin's own "empty" mark: a read-only field would print None as "None".
            return "-"
        return format_date(value, active_language(), with_time=with_time)

    show.__name__ = field.name + SUFFIX
    return show


class JalaliDatesAdminMixin:
    """For a ModelAdmin: date columns, read-only dates and view-only dates printed in Jalali."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # Instance attributes, so the admin finds them by name as it finds its own methods.
        for field in model._meta.get_fields():
            if isinstance(field, models.DateField) and field.concrete:
                setattr(self, field.name + SUFFIX, jalali_display(field))
        # Wrapped on the instance, so an admin's own get_readonly_fields or get_list_display
        # (PostAdmin decides read-only fields by role) is swapped too, whatever it calls.
        own_readonly, own_columns = self.get_readonly_fields, self.get_list_display

        def get_readonly_fields(admin, request, obj=None):
            return [admin._jalali_name(name) for name in own_readonly(request, obj)]

        def get_list_display(admin, request):
            editable = set(admin.list_editable)
            return [
                name if name in editable else admin._jalali_name(name)
                for name in own_columns(request)
            ]

        # Bound methods, as Django's system checks expect (they read `__func__`).
        self.get_readonly_fields = MethodType(get_readonly_fields, self)
        self.get_list_display = MethodType(get_list_display, self)

    def _jalali_name(self, name):
        if isinstance(name, str) and hasattr(self, name + SUFFIX):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                return name
            if isinstance(field, models.DateField):
                return name + SUFFIX
        return name

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        return None if links is None else [self._jalali_name(name) for name in links]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields"):
            # Columns, never form fields (the fieldsets name them when a reader may only view).
            kwargs["fields"] = [name for name in kwargs["fields"] if not name.endswith(SUFFIX)]
        form = super().get_form(request, obj, change=change, **kwargs)
        # A read-only date now goes by its Jalali column's name, so Django would no longer
        # leave the field itself out of the form: leave it out here, declared or not.
        for name in self.get_readonly_fields(request, obj):
            if name.endswith(SUFFIX):
                form.base_fields.pop(name.removesuffix(SUFFIX), None)
                form.declared_fields.pop(name.removesuffix(SUFFIX), None)
        return form

    def get_fieldsets(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))
        # A reader without the right to change sees every field read-only.
        view_only = obj is not None and not self.has_change_permission(request, obj)

        def swap(name):
            if isinstance(name, tuple | list):
                return type(name)(swap(inner) for inner in name)
            jalali = self._jalali_name(name)
            return jalali if view_only or jalali in readonly else name

        return [
            (title, {**options, "fields": [swap(name) for name in options["fields"]]})
            for title, options in super().get_fieldsets(request, obj)
        ]
