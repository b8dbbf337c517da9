"""The site's own icons: a favicon where every browser looks for it, the icon a phone puts on
its home screen, and a manifest in the page's language naming icons that exist."""

import io

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from tests.helpers import page_text


def test_the_favicon_answers_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_the_home_screen_icon_is_180_px(client):
    response = client.get("/apple-touch-icon.png")
    assert response.status_code == 200
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (180, 180) and image.mode == "RGB"  # iOS shows transparency black


@pytest.mark.parametrize(
    ("prefix", "language", "name"), [("", "fa", "دفتر"), ("/en", "en", "Office")]
)
def test_the_manifest_speaks_the_page_language(client, prefix, language, name):
    response = client.get(f"{prefix}/manifest.webmanifest")
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["lang"] == language and name in manifest["name"]
    assert manifest["start_url"] == f"{prefix}/"
    sizes = set()
    for icon in manifest["icons"]:
        relative = icon["src"].removeprefix("/static/")
        assert finders.find(relative), icon["src"]
        if icon["type"] == "image/png":
            with Image.open(finders.find(relative)) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]
                sizes.add(image.width)
    assert {192, 512} <= sizes


def test_every_page_links_its_icons(client, content):
    html = page_text(client.get("/en/"))
    assert '<link rel="icon" href="/favicon.ico"' in html
    assert 'rel="apple-touch-icon"' in html
    assert '<link rel="manifest" href="/en/manifest.webmanifest">' in html
