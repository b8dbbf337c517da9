"""Find English interface words on a Persian admin page, leaving out the office's own data.

Used by tests/test_admin_persian.py (Django's test client) and tests/e2e/test_admin_widgets.py
(the page as Chromium shows it). A word is a run of Latin letters; it is an interface word
unless it is on ALLOWED (names of formats, acronyms, key names), has two letters or
fewer (the EN/FA tabs, unit symbols), is part of a masked secret (a password's
salt and hash prefix) or appears in a value the
office typed (`data_values`: every text column of every row, user names included), which
is cut out of the page's text before its words are counted. Text Django and libraries write
into the database themselves (permission names, change messages, the office roles' stored
names) is not the office's: it counts as interface, so its English is caught.
"""

import re
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

from cluster_portal.account_labels import ROLE_NAMES

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# A stored secret as Django shows it (`mask_hash`: the password's salt and hash, a few of their
# first characters then asterisks). Its prefix is random data, so it may spell a "word" ("edfd").
MASKED_SECRET = re.compile(r"[^\s*]*\*{4,}")

# Shown as they are in Persian too: language tabs, file types, acronyms and proper names.
ALLOWED = frozenset(
    {
        "EN",
        "FA",
        "CSV",
        "XLSX",
        "XLS",
        "DOCX",
        "DOC",
        "ODT",
        "ODS",
        "ZIP",
        "JSON",
        "PDF",
        "API",
        "UNIDO",
        "JPEG",
        "PNG",
        "WebP",
        "GIF",
        "SVG",
        "HTML",
        "URL",
        "RSS",
        "Atom",
        "Mac",
        "Control",
        "Command",
        "Ctrl",
        "Shift",
        "LDAP",
        "QR",
        # Protocol names in django-axes' labels of a sign-in's request ("داده‌های GET").
        "HTTP",
        "GET",
        "POST",
    }
)

# Columns Django and libraries fill themselves, with English of their own: interface, not data
# (None: every column). A permission's name ("Can add post"), a content type's model ("post"),
# the admin's change messages (field labels) and django-reversion's comments.
FRAMEWORK_WRITTEN = {
    "auth.permission": None,
    "contenttypes.contenttype": None,
    "admin.logentry": {"change_message"},
    "reversion.revision": {"comment"},
}

# Attributes whose text a person reads or hears (tooltips, placeholders, button captions).
SPOKEN_ATTRIBUTES = ("title", "placeholder", "alt", "aria-label")
# Django's admin prints Python literals as these icons' text ("True", "False", "Search"), outside
# any catalogue; the icons themselves are what a sighted editor reads.
DJANGO_ICONS = "/static/admin/img/"
# Elements whose text is code (the import page lists a file's column names in <code>), or the
# office's own data being edited.
SKIPPED_ELEMENTS = {"script", "style", "textarea", "noscript", "template", "code"}
ALLOWED_ANY_CASE = frozenset(word.lower() for word in ALLOWED)


class InterfaceText(HTMLParser):
    """Collects the readable text of an HTML page: text nodes plus spoken attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            self.skipping.append(tag)
        for name in SPOKEN_ATTRIBUTES:
            if name == "alt" and (attributes.get("src") or "").startswith(DJANGO_ICONS):
                continue
            if attributes.get(name):
                self.pieces.append(attributes[name])
        if tag == "input" and attributes.get("type") in {"submit", "button", "reset"}:
            self.pieces.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(data)


def interface_text(html: str) -> str:
    parser = InterfaceText()
    parser.feed(html)
    return "\n".join(parser.pieces)


def data_values() -> list[str]:
    """Every value of any text column of any row (the office's data, not the interface),
    longest first, so that a title is removed before a shorter value inside it. Left out: the
    columns in FRAMEWORK_WRITTEN and the office roles' stored names (a migration made them)."""
    values: set[str] = set()
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in FRAMEWORK_WRITTEN and FRAMEWORK_WRITTEN[label] is None:
            continue
        columns = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.FileField))
            and field.attname not in FRAMEWORK_WRITTEN.get(label, ())
        ]
        if not columns:
            continue
        for row in model._default_manager.values_list(*columns):
            for value in row:
                if value and LATIN_WORD.search(str(value)):
                    values.add(str(value).strip())
    return sorted(values - set(ROLE_NAMES), key=len, reverse=True)


def english_words(text: str, data: list[str]) -> list[str]:
    """The Latin words of `text`, once the office's own values are cut out of it, that are
    not allowed, in order."""
    text = MASKED_SECRET.sub(" ", cut_out(text, data))
    return [
        word
        for word in LATIN_WORD.findall(text)
        # Two letters or fewer: the EN/FA tabs and unit symbols, not words.
        if word.lower() not in ALLOWED_ANY_CASE and len(word) > 2
    ]


def cut_out(text: str, values: list[str]) -> str:
    """`text` with every occurrence of each value blanked, ignoring case (a browser's innerText
    applies CSS `text-transform`, so the user name "editor" reads "EDITOR")."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: compare as it is
        lowered = text
    for value in values:
        value = value.lower()
        if value in lowered:
            lowered = lowered.replace(value, "\0" * len(value))
    return "".join(" " if low == "\0" else char for char, low in zip(text, lowered, strict=True))
