"""The admin's Jalali date inputs show a saved date the way the office writes it: 1405/06/31.

django-jalali's admin date widget formats its value only in its own `render`; inside the date
and time pair of a date-time field Django renders each part through `format_value`, which
printed `str(date)`, "1405-06-31". These widgets format through the active language's
`DATE_INPUT_FORMATS[0]` (core/formats: "%Y/%m/%d") on both paths, the format the picker
(core/static/js/jalali-datepicker.js) reads and writes.

`use_in_admin()` makes them the admin's widgets for every django-jalali date and date-time field
(Django picks a model field's admin widget from `FORMFIELD_FOR_DBFIELD_DEFAULTS` by class), and
makes every e-mail and URL input run left to right (`dir="ltr"`), in forms that do not clean
their input through core.forms too (Django's user form).
"""

from django.contrib.admin import options
from django.contrib.admin import widgets as admin_widgets
from django.db import models
from django.utils import formats
from django_jalali.admin import widgets as jalali_widgets
from django_jalali.db.models import jDateField, jDateTimeField


class JalaliDateInput(jalali_widgets.AdminjDateWidget):
    def format_value(self, value):
        if hasattr(value, "strftime"):
            return value.strftime(self.format or formats.get_format("DATE_INPUT_FORMATS")[0])
        return super().format_value(value)


class JalaliSplitDateTimeInput(jalali_widgets.AdminSplitjDateTime):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets = [JalaliDateInput(), self.widgets[1]]


class LeftToRightEmailInput(admin_widgets.AdminEmailInputWidget):
    def __init__(self, attrs=None):
        super().__init__({"dir": "ltr", **(attrs or {})})


class LeftToRightURLInput(admin_widgets.AdminURLFieldWidget):
    def __init__(self, attrs=None, **kwargs):
        super().__init__({"dir": "ltr", **(attrs or {})}, **kwargs)


def use_in_admin() -> None:
    """Register the widgets for the admin's model forms. Called when core.admin_base is first
    imported, before the admins are created; this module imports django_jalali.admin first,
    whose own registration would otherwise replace ours."""
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.EmailField] = {"widget": LeftToRightEmailInput}
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.URLField] = {"widget": LeftToRightURLInput}
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[jDateField] = {"widget": JalaliDateInput}
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[jDateTimeField] = {
        **options.FORMFIELD_FOR_DBFIELD_DEFAULTS[jDateTimeField],
        "widget": JalaliSplitDateTimeInput,
    }
