"""Forms that clean what people type once, through the text layer, before any validation.

`CleanInputMixin` goes first in the bases of every form (public forms, the admin's model forms
through `core.admin.PersianAdminMixin`). For each field it chooses the cleaning by the kind of
field, before the field's own `clean` runs:

=============================================  ==============================================
field                                           cleaning (see `core.text`)
=============================================  ==============================================
EmailField, URLField, SlugField, and any        `clean_identifier`: no invisible marks, ASCII
field named phone/reference/code/slug           digits, Arabic letters as Persian
IntegerField, DecimalField, FloatField          `clean_number`: ASCII digits, ٫ → ".", no ٬
Jalali date / date-time fields                  `core.jalali_input` (slashes, any digits)
any other CharField (names, titles, bodies)     `clean_text`: Arabic letters as Persian,
                                                no invisible marks or kashida, ZWNJ kept inside
                                                words, ۀ and digits as written
choice, file, boolean and other fields          untouched
=============================================  ==============================================

Password fields and hidden tokens are left as typed: a password is a secret, not a text.
An identifier's input runs left to right (`dir="ltr"`): inside a Persian page a phone number
typed as "+98 912 345 6789" would otherwise show as "6789 345 912 98+". So does any text input
holding an address (a field named link, url or path: a site notice's "/contact/"). A slug
is often Persian (allow_unicode): its input takes its own text's direction (`dir="auto"`), or a
Persian slug's start would hide at the box's far edge.
"""

import datetime

import jdatetime
from django import forms
from django.core import validators
from django.db import models
from django.forms.utils import from_current_timezone
from django_jalali import forms as jforms

from core.jalali_input import JalaliInputError, parse_jalali_date, parse_jalali_datetime
from core.text import clean_identifier, clean_number, clean_text

IDENTIFIER_NAMES = ("phone", "reference", "code", "slug", "email", "mobile", "fax", "postcode")
# Text fields holding a URL or a site path: cleaned as text, shown left to right.
ADDRESS_NAMES = ("link", "url", "path")


def _named(name: str, parts) -> bool:
    """Whether a form or model field's name (an inline's prefix aside) is one of `parts`, or
    starts with one: "phone", "phone_2", "items-0-slug"."""
    base = name.rsplit("-", 1)[-1]
    return any(base == part or base.startswith(part + "_") for part in parts)


def is_slug(name: str, field) -> bool:
    """A slug form or model field, by its class or its name."""
    return isinstance(field, forms.SlugField | models.SlugField) or _named(name, ("slug",))


def input_direction(name: str, field: forms.Field) -> str | None:
    """The `dir` of a form field's input holding machine text, or None to follow the page."""
    if is_slug(name, field):
        return "auto"
    if _cleaner(name, field) is clean_identifier:
        return "ltr"
    if isinstance(field, forms.CharField) and _named(name, ADDRESS_NAMES):
        return "ltr"
    return None


class JalaliDateField(jforms.jDateField):
    """django-jalali's date field reading dates the Persian way (see `core.jalali_input`)."""

    def to_python(self, value):
        if value in validators.EMPTY_VALUES:
            return None
        if isinstance(value, jdatetime.datetime):
            return value.date()
        if isinstance(value, jdatetime.date):
            return value
        if isinstance(value, datetime.date):
            return jdatetime.date.fromgregorian(date=value)
        try:
            return parse_jalali_date(str(value))
        except JalaliInputError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class JalaliDateTimeField(jforms.jDateTimeField):
    """django-jalali's date-time field reading "1405/06/31 14:30" in the current time zone."""

    def to_python(self, value):
        if isinstance(value, list | tuple):
            if all(part in validators.EMPTY_VALUES for part in value):
                return None
            value = " ".join(str(part) for part in value if part not in validators.EMPTY_VALUES)
        if value in validators.EMPTY_VALUES or not isinstance(value, str):
            return super().to_python(value)
        try:
            moment = parse_jalali_datetime(value)
        except JalaliInputError as error:
            raise forms.ValidationError(str(error), code="invalid") from error
        return from_current_timezone(moment.togregorian())


def _cleaner(name: str, field: forms.Field):
    """The text-layer function for one form field, or None to leave its input as typed."""
    widget = getattr(field, "widget", None)
    if isinstance(widget, forms.PasswordInput | forms.HiddenInput):
        return None
    if isinstance(field, forms.EmailField | forms.URLField | forms.SlugField):
        return clean_identifier
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return clean_number
    if isinstance(field, forms.CharField):
        return clean_identifier if _named(name, IDENTIFIER_NAMES) else clean_text
    return None


def model_field_cleaner(field: models.Field):
    """The cleaner for a model field's stored or imported text (the table above), or None."""
    if not isinstance(field, models.CharField | models.TextField) or field.choices:
        return None
    if isinstance(field, models.EmailField | models.URLField | models.SlugField):
        return clean_identifier
    return clean_identifier if _named(field.name, IDENTIFIER_NAMES) else clean_text


def _apply(cleaner, value):
    if isinstance(value, str):
        return cleaner(value)
    if isinstance(value, list | tuple):
        return type(value)(_apply(cleaner, part) for part in value)
    return value


def typed_number_input(field: forms.Field) -> forms.TextInput:
    """A text box for a number field, in place of `<input type="number">`.

    A browser's number box drops what is not ASCII digits before the form is sent: typed on a
    Persian keyboard, ۶۶۵۰۰ arrived as nothing ("this field is required"). A text box sends
    what was typed and `clean_number` reads it; `inputmode` still brings up a phone's number
    pad, and numbers run left to right inside a Persian form.
    """
    widget = field.widget
    attrs = {key: value for key, value in widget.attrs.items() if key not in {"step", "min", "max"}}
    # Django's DecimalField and FloatField are IntegerFields too.
    whole = not isinstance(field, forms.DecimalField | forms.FloatField)
    attrs.update(inputmode="numeric" if whole else "decimal", dir="ltr")
    return forms.TextInput(attrs=attrs)


def prepare_field(name: str, field: forms.Field) -> None:
    """Make one form field read input through the text layer (idempotent)."""
    if type(field) is jforms.jDateField:
        field.__class__ = JalaliDateField
    elif type(field) is jforms.jDateTimeField:
        field.__class__ = JalaliDateTimeField
    if getattr(field, "_text_layer", False):
        return
    if isinstance(field.widget, forms.NumberInput):
        field.widget = typed_number_input(field)
    direction = input_direction(name, field)
    if direction is not None:
        field.widget.attrs.setdefault("dir", direction)
    cleaner = _cleaner(name, field)
    if cleaner is None:
        return
    original = field.clean

    def clean(value):
        return original(_apply(cleaner, value))

    field.clean = clean
    field._text_layer = True


class CleanInputMixin:
    """Put first in a form's bases: every field reads its input through `core.text`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            prepare_field(name, field)


class CleanModelForm(CleanInputMixin, forms.ModelForm):
    """The admin's default model form."""
