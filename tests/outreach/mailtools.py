"""Helpers for tests that read real mails and post the inquiry's admin page with its inlines."""

import re

from tests.helpers import page_text


def html_part(message) -> str:
    return message.get_body(("html",)).get_content()


def text_part(message) -> str:
    return message.get_body(("plain",)).get_content()


def admin_form_data(client, url: str, **fields) -> dict:
    """The change form's management data with every inline empty, plus `fields`."""
    html = page_text(client.get(url))
    data = {}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', html):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        data.update({f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return {**data, **fields}


def answer_prefix(client, url: str) -> str | None:
    """The form prefix of the "write an answer" inline, None when the page offers none."""
    match = re.search(r'name="([\w-]+)-0-body"', page_text(client.get(url)))
    return match and match.group(1)
