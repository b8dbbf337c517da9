"""Helpers for news tests: real image and PDF bytes, Jalali split values, the admin's form data."""

import io
from html.parser import HTMLParser

import jdatetime
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image


def image_bytes(fmt="PNG", size=(1600, 900), color=(30, 120, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def png_upload(name="cover.png", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def pdf_bytes() -> bytes:
    """A real one-page PDF, written by Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, "PDF")
    return buffer.getvalue()


def jalali_split(value) -> tuple[str, str]:
    """The admin's split Jalali date-time widget values for an aware datetime."""
    local = jdatetime.datetime.fromgregorian(datetime=timezone.localtime(value))
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


class _FormReader(HTMLParser):
    """Reads a form's fields from HTML the way a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._textarea = self._select = None
        self._text: list[str] = []

    def _add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "file", "button", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            self._add(self._textarea, "".join(self._text).lstrip("\n"))
            self._textarea = None
        elif tag == "select" and self._select:
            # A select with nothing chosen sends nothing (Django always marks a single choice).
            if not self.values[self._select]:
                del self.values[self._select]
            self._select = None


def admin_form_data(response, **changes) -> dict:
    """The admin page's current form values, as a browser would post them, with changes."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {
        name: values if len(values) > 1 else (values[0] if values else "")
        for name, values in reader.values.items()
    }
    data.pop("csrfmiddlewaretoken", None)
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
