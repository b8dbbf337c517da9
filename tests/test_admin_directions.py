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
