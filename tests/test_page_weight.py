"""A first visit to the home page stays light: at most 150 KB on the wire, fonts included."""

import gzip
import re

from django.contrib.staticfiles import finders

from tests.helpers import page_text

BUDGET_BYTES = 150 * 1024
# Already compressed formats travel as they are; text is served compressed (WhiteNoise).
PRECOMPRESSED = (".woff2", ".png", ".jpg", ".jpeg", ".webp")


def wire_size(name: str, content: bytes) -> int:
    return len(content) if name.endswith(PRECOMPRESSED) else len(gzip.compress(content, 6))


def static_file(url: str) -> tuple[str, bytes]:
    name = url.split("/static/", 1)[1].split("?", 1)[0]
    path = finders.find(name)
    assert path, f"{url} is not a static file of the site"
    with open(path, "rb") as handle:
        return name, handle.read()


def subresources(html: str) -> set[str]:
    """Stylesheets, preloads, scripts and images the page makes the browser fetch."""
    urls = set(re.findall(r'<link[^>]+rel="(?:stylesheet|preload)"[^>]+href="([^"]+)"', html))
    urls |= set(re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html))
    return {url for url in urls if url.startswith("/static/")}


def css_references(name: str, css: bytes) -> set[str]:
    base = "/static/" + name.rsplit("/", 1)[0] + "/"
    found = set()
    for reference in re.findall(rb'url\("?([^")]+)"?\)', css):
        reference = reference.decode()
        if reference.startswith("data:"):
            continue
        found.add(reference if reference.startswith("/") else base + reference)
    return found


def test_home_page_first_visit_fits_150_kb_with_fonts(client, demo):
    response = client.get("/")
    html = page_text(response)
    total = len(gzip.compress(response.content, 6))
    fetched = set()
    pending = subresources(html)
    while pending:
        url = pending.pop()
        if url in fetched:
            continue
        fetched.add(url)
        name, content = static_file(url.replace("/static/css/../", "/static/"))
        total += wire_size(name, content)
        if name.endswith(".css"):
            pending |= {u.replace("/css/../", "/") for u in css_references(name, content)}
    assert any(url.endswith(".woff2") for url in fetched), "the font was not counted"
    assert total <= BUDGET_BYTES, f"{total} bytes on a first visit"


def test_the_font_is_one_variable_file_that_swaps_in(client, content):
    _name, css = static_file("/static/css/site.css")
    faces = re.findall(rb"@font-face\s*{[^}]*}", css)
    assert len(faces) == 1
    assert b"font-display: swap" in faces[0]
    assert b"font-weight: 100 900" in faces[0]  # one variable file for every weight
