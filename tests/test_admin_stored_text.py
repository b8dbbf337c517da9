"""English that Django or a library wrote into the database, as a Persian editor reads it.

Each test signs a superuser in, opens the admin page in Persian as an editor would, and checks
that the value reads in Persian and its stored English does not show: field names in a history,
permission and role names, language codes, a mail server's error under a Persian label.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from outreach.models import Inquiry, PageFeedback
from tests.helpers import page_text


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 16)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fa"
    return client


VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class _Texts(HTMLParser):
    """The text inside every element with a given id or CSS class, one string per element."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.texts: list[str] = []
        self.depth = 0  # open elements inside the current match; 0 when outside any

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID_ELEMENTS:
            return
        if self.depth:
            self.depth += 1
        elif (
            self.name == attributes.get("id")
            or self.name in (attributes.get("class") or "").split()
        ):
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts_of(response, name: str) -> list[str]:
    """What the page shows inside each element of id or class `name` (a column's cells, a
    form row, the filters), spaces collapsed."""
    parser = _Texts(name)
    parser.feed(page_text(response))
    return [" ".join(text.split()) for text in parser.texts]


# Language codes ---------------------------------------------------------------------------------


def test_an_inquiry_shows_its_language_by_name_in_the_list_filter_and_form(editor_client, db):
    inquiry = Inquiry.objects.create(
        kind=Inquiry.Kind.INVEST, name="Maryam", email="m@example.org", message="Hi", language="en"
    )
    listing = editor_client.get(reverse("admin:outreach_inquiry_changelist"))
    assert texts_of(listing, "field-language") == ["انگلیسی"]
    filters = " ".join(texts_of(listing, "changelist-filter"))
    assert "فارسی" in filters and "انگلیسی" in filters

    form = editor_client.get(reverse("admin:outreach_inquiry_change", args=[inquiry.pk]))
    language_row = " ".join(texts_of(form, "field-language"))
    assert "انگلیسی" in language_row
    assert "en" not in language_row.split()


def test_the_feedback_summary_names_each_language(editor_client, db):
    PageFeedback.objects.create(path="/clusters/", language="en", useful=True)
    summary = page_text(editor_client.get(reverse("admin:outreach_feedbackpage_changelist")))
    assert "<td>انگلیسی</td>" in summary
    assert "<td>en</td>" not in summary


def test_every_stored_language_code_reads_as_a_language_name():
    """A field holding a page's language (`language`, `*_language`) offers the site's languages
    as choices, so the admin prints their names wherever it shows the field."""
    fields = [
        field
        for model in apps.get_models()
        if model._meta.app_label in {"carpets", "clusters", "directory", "news", "outreach"}
        for field in model._meta.concrete_fields
        if field.name == "language" or field.name.endswith("_language")
    ]
    assert fields
    for field in fields:
        assert [code for code, _name in field.choices or []] == [
            code for code, _name in settings.LANGUAGES
        ], field
