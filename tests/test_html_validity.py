"""Every public page, in both languages, passes the W3C Nu HTML checker with no error, and marks
words in the other language with `lang` so a screen reader reads them with the right voice.

Needs Java for the checker (`apt-get install default-jre-headless`); .ci/run installs it.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from outreach.views import SESSION_REFERENCE
from tests.html_checker import assert_valid_html, needs_java
from tests.public_pages import public_pages

LANGUAGES = {"fa": "", "en": "/en"}


def rendered_pages(client) -> dict[str, str]:
    """{file name: HTML} of every public page in both languages, the contact thank-you too."""
    session = client.session
    session[SESSION_REFERENCE] = "ZC-1404-000001"
    session.save()
    pages = {**public_pages(), "outreach:inquiry-sent": "/contact/sent/"}
    bodies = {}
    for language, prefix in LANGUAGES.items():
        for name, path in pages.items():
            response = client.get(prefix + path)
            assert response.status_code == (404 if name == "404" else 200), prefix + path
            bodies[f"{language}-{re.sub(r'[^a-z0-9]+', '-', name)}.html"] = response.content
    return bodies


@pytest.fixture
def pages(client, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return rendered_pages(client)


@needs_java
def test_public_pages_are_valid_html(pages, tmp_path: Path):
    assert len(pages) == 2 * 33
    assert_valid_html(pages, tmp_path / "pages")


# File formats, feed formats and the data licence are technical names, read as letters in either
# language (WCAG 3.1.2 exempts technical terms), as is the prefix of the office's reference
# numbers; any other Latin word needs lang="en".
TECHNICAL_TERMS = {"RSS", "Atom", "CSV", "XLSX", "JSON", "PDF", "DOCX", "CC", "BY", "ZC"}
OTHER_SCRIPT = {
    "fa": re.compile(r"[A-Za-z][A-Za-z0-9_']*"),
    # Persian letters only: the Arabic comma and Persian digits are punctuation and numbers.
    "en": re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06cc]+"),
}


class UnmarkedWords(HTMLParser):
    """Words in the other language's script whose nearest `lang` is the page's own."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    SKIPPED = {"head", "script", "style", "code"}

    def __init__(self):
        super().__init__()
        self.open = []  # (tag, lang)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if any(tag in self.SKIPPED for tag, _lang in self.open):
            return
        language = next((lang for _tag, lang in reversed(self.open) if lang), None)
        # An address shown as text (/api/openapi.json) is in no language.
        if language not in OTHER_SCRIPT or data.strip().startswith("/"):
            return
        self.found += [
            word for word in OTHER_SCRIPT[language].findall(data) if word not in TECHNICAL_TERMS
        ]


def test_words_in_the_other_language_carry_lang(pages, client):
    unmarked = {}
    for name, body in pages.items():
        parser = UnmarkedWords()
        parser.feed(body.decode())
        if parser.found:
            unmarked[name] = parser.found
    assert unmarked == {}
    # The source document's "UNIDO" and "information network" inside Persian text, and the
    # Persian query echoed on an English page.
    about = pages["fa-clusters-about.html"].decode()
    assert '<span lang="en">UNIDO</span>' in about
    assert '(<span lang="en">information network</span>)' in about
    english_search = pages["en-search-results.html"].decode()
    assert '“<span lang="fa">خوشه</span>”' in english_search
