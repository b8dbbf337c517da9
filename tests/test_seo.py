"""What search engines read: sitemap with hreflang, robots.txt, canonical URLs, metadata."""

import json
import re
import xml.etree.ElementTree as ET

from news.models import Post
from tests.conftest import page_text

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return root, [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def test_sitemap_lists_every_page_in_both_languages(client, demo):
    _root, locations = sitemap_locations(client)
    for path in ("/", "/en/", "/about/", "/en/carpets/", "/clusters/zinc/", "/en/clusters/dairy/"):
        assert f"http://testserver{path}" in locations
    published = Post.objects.published().first()
    assert f"http://testserver{published.get_absolute_url()}" in locations


def test_sitemap_never_lists_a_draft(client, demo):
    _root, locations = sitemap_locations(client)
    draft = Post.objects.filter(status=Post.Status.DRAFT).first()
    assert not any(str(draft.pk) + "/" in loc and "/news/" in loc for loc in locations)


def test_sitemap_entries_carry_hreflang_alternates(client, content):
    root, _locations = sitemap_locations(client)
    entry = next(
        url
        for url in root.findall("sm:url", NS)
        if url.find("sm:loc", NS).text == "http://testserver/clusters/knife/"
    )
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)
    }
    assert alternates == {
        "fa": "http://testserver/clusters/knife/",
        "en": "http://testserver/en/clusters/knife/",
        "x-default": "http://testserver/clusters/knife/",
    }


def test_robots_excludes_the_admin_and_names_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_every_page_has_canonical_description_and_open_graph(client, demo):
    for path in ("/", "/en/", "/clusters/olive/", "/carpets/", "/news/", "/about/legal-bases/"):
        html = page_text(client.get(path))
        assert f'<link rel="canonical" href="http://testserver{path}">' in html, path
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), path
        assert '<meta property="og:title"' in html, path
        assert f'<meta property="og:url" content="http://testserver{path}">' in html, path


def test_canonical_drops_tracking_parameters_but_keeps_the_page(client, demo):
    html = page_text(client.get("/news/", {"utm_source": "x"}))
    assert '<link rel="canonical" href="http://testserver/news/">' in html


def test_home_describes_the_office_as_a_government_organization(client, content):
    html = page_text(client.get("/"))
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    data = json.loads(payload)
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "دفتر خوشه\u200cهای صنعتی استان زنجان"
