"""Each translation field of every admin form runs in its own language's direction.

An English title in the Persian admin ran right to left ("Zanjan cluster (phase 2)." showed its
full stop on the wrong side). Every translated input, text area and rich-text area of every add
and change form (inlines included) must carry `lang` and `dir` of its language.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin

from cluster_portal.admin_pages import admin_page_list
from tests.outreach.factories import make_inquiry, make_outgoing_mail

LANGUAGE_DIRECTION = {"fa": "rtl", "en": "ltr"}
# modeltranslation marks every translated widget with the class "mt-field-<field>-<language>".
TRANSLATED = re.compile(r"\bmt-field-[\w-]+-(fa|en)\b")


class TranslatedWidgets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.widgets: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        match = TRANSLATED.search(attributes.get("class") or "")
        if tag in {"input", "textarea", "select"} and match:
            self.widgets.append({**attributes, "language": match.group(1)})


def translated_widgets(html: str) -> list[dict]:
    parser = TranslatedWidgets()
    parser.feed(html)
    return parser.widgets


def test_every_translated_field_has_its_direction(client, demo, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 16)
    )
    checked = 0
    wrong = []
    for page in admin_page_list(admin.site, with_history=False):
        if page.kind not in {"add", "change"}:
            continue
        for widget in translated_widgets(client.get(page.url).content.decode()):
            if widget.get("type") == "hidden":
                continue
            checked += 1
            expected = LANGUAGE_DIRECTION[widget["language"]]
            if widget.get("dir") != expected or widget.get("lang") != widget["language"]:
                wrong.append((page.url, widget.get("name"), widget.get("dir")))
    assert checked > 100
    assert not wrong


@pytest.mark.parametrize("field", ["title", "lead", "body"])
def test_post_english_tab_runs_left_to_right(client, demo, django_user_model, field):
    from news.models import Post

    client.force_login(
        django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 16)
    )
    post = Post.objects.order_by("pk").first()
    widgets = translated_widgets(client.get(f"/admin/news/post/{post.pk}/change/").content.decode())
    by_name = {widget["name"]: widget for widget in widgets}
    assert by_name[f"{field}_en"]["dir"] == "ltr"
    assert by_name[f"{field}_fa"]["dir"] == "rtl"


# Machine text: e-mails, addresses and site paths, phones. An input is one by its type or by its
# field's name (an inline's prefix aside); the project's models name them so.
MACHINE_TYPES = {"email", "url", "tel"}
MACHINE_NAMES = re.compile(r"(?:^|-)(email|phone|url|website|to|reference|link|path)$")
# A slug is often Persian (allow_unicode): it runs in its own text's direction.
SLUG_NAME = re.compile(r"(?:^|-)slug$")


class Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))


def text_inputs(html: str, names: re.Pattern, types=frozenset()) -> list[dict]:
    parser = Inputs()
    parser.feed(html)
    return [
        field
        for field in parser.inputs
        if field.get("type") in types
        or (field.get("type", "text") == "text" and names.search(field.get("name") or ""))
    ]


def machine_inputs(html: str) -> list[dict]:
    return text_inputs(html, MACHINE_NAMES, MACHINE_TYPES)


class TextDirections(HTMLParser):
    """Each piece of text with the direction of the nearest element around it that sets one."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "col", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(dict(attrs).get("dir"))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            direction = next((d for d in reversed(self.stack) if d), None)
            self.texts.append((data.strip(), direction))


def direction_of(html: str, text: str) -> set[str | None]:
    parser = TextDirections()
    parser.feed(html)
    return {direction for shown, direction in parser.texts if shown == text}


def test_every_address_and_phone_input_runs_left_to_right_and_a_slug_its_own_way(
    client, demo, django_user_model
):
    """A phone typed as "+98 912 345 6789" showed as "6789 345 912 98+" in the Persian form, a
    notice's link "/contact/" as "/contact/" pushed to the right; a Persian slug forced left to
    right hid its start."""
    client.force_login(
        django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 16)
    )
    checked = {"ltr": 0, "auto": 0}
    wrong = []
    for page in admin_page_list(admin.site, with_history=False):
        if page.kind not in {"add", "change"}:
            continue
        html = client.get(page.url).content.decode()
        for expected, fields in (
            ("ltr", machine_inputs(html)),
            ("auto", text_inputs(html, SLUG_NAME)),
        ):
            for field in fields:
                checked[expected] += 1
                if field.get("dir") != expected:
                    wrong.append((page.url, field.get("name"), field.get("dir")))
    # An organisation's phone, e-mail and website, a notice's link, ...; slugs of clusters,
    # pages, news, terms.
    assert checked["ltr"] >= 10 and checked["auto"] >= 10
    assert not wrong


def test_a_persian_slug_reads_in_its_own_direction_in_the_list(staff_client, db):
    from news.models import Category

    Category.objects.create(name_fa="رویدادها", slug="رویداد-و-کارگاه")
    Category.objects.create(name_fa="خبرها", slug="news")
    html = staff_client.get("/admin/news/category/").content.decode()
    assert direction_of(html, "رویداد-و-کارگاه") == {"auto"}
    assert direction_of(html, "news") == {"auto"}


def test_an_inquirys_phone_and_email_read_left_to_right(staff_client, db):
    inquiry = make_inquiry(phone="+98 912 345 6789")
    make_outgoing_mail(inquiry, message_id="<1@testserver>")
    form = staff_client.get(f"/admin/outreach/inquiry/{inquiry.pk}/change/").content.decode()
    assert direction_of(form, "+98 912 345 6789") == {"ltr"}
    # The sender's address, and the mails' recipient in the inline below.
    assert direction_of(form, "maryam@example.org") == {"ltr"}
    mails = staff_client.get("/admin/outreach/outgoingmail/").content.decode()
    assert direction_of(mails, "maryam@example.org") == {"ltr"}
    mail = staff_client.get(f"/admin/outreach/outgoingmail/{inquiry.mails.get().pk}/change/")
    assert direction_of(mail.content.decode(), "<1@testserver>") == {"ltr"}
