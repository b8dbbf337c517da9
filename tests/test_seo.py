"""What search engines read: sitemap with hreflang, robots.txt, canonical URLs, metadata."""

import html
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import get_resolver
from django.utils import timezone, translation

from news.models import Post
from tests.conftest import page_text
from tests.public_pages import NOT_PAGES, public_pages


@pytest.fixture(autouse=True)
def persian():
    """Addresses built here are the Persian ones; a request in English may have left "en" active."""
    with translation.override("fa"):
        yield


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


@pytest.fixture
def pages(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return public_pages()


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(payload)
        for payload in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def test_a_news_post_is_a_news_article(client, demo):
    post = Post.objects.published().filter(kind=Post.Kind.NEWS).first()
    (data,) = json_ld(page_text(client.get(post.get_absolute_url())))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == post.title_fa
    assert data["inLanguage"] == "fa"
    assert data["mainEntityOfPage"] == f"http://testserver{post.get_absolute_url()}"
    # The Gregorian date a crawler understands, not the Jalali one the page prints.
    gregorian = timezone.localtime(post.publish_at.togregorian())
    assert data["datePublished"].startswith(gregorian.strftime("%Y-%m-%dT%H:%M:%S"))
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    (english,) = json_ld(page_text(client.get("/en" + post.get_absolute_url())))
    assert english["headline"] == post.title_en and english["inLanguage"] == "en"


def test_an_event_post_is_an_event_with_its_start_and_place(client, demo):
    event = Post.objects.published().filter(kind=Post.Kind.EVENT).first()
    (data,) = json_ld(page_text(client.get(event.get_absolute_url())))
    assert data["@type"] == "Event"
    assert data["name"] == event.title_fa
    start = timezone.localtime(event.event_start.togregorian())
    assert data["startDate"].startswith(start.strftime("%Y-%m-%dT%H:%M:%S"))
    assert event.event_place, "the demo event has a place"
    assert data["location"] == {"@type": "Place", "name": event.event_place}


def test_carpet_and_data_pages_describe_downloadable_datasets(client, content):
    (sector,) = json_ld(page_text(client.get("/carpets/")))
    (figures,) = sector["@graph"]
    assert figures["@type"] == "Dataset"
    assert figures["name"] == "آمار بخش فرش دست‌باف استان زنجان"
    assert figures["license"] == "https://creativecommons.org/licenses/by/4.0/"
    # Every advertised file really downloads, in its advertised format.
    for download in figures["distribution"]:
        response = client.get(download["contentUrl"].removeprefix("http://testserver"))
        assert response.status_code == 200, download
        assert response["Content-Type"].startswith(download["encodingFormat"])
    (data_page,) = json_ld(page_text(client.get("/en/data/")))
    names = [entry["name"] for entry in data_page["@graph"]]
    assert "Handmade-carpet sector figures of Zanjan province" in names
    assert len(names) == 3
    assert all(entry["dateModified"] for entry in data_page["@graph"])


def meta(html: str, attribute: str, name: str) -> str:
    return re.search(rf'<meta {attribute}="{name}" content="([^"]*)">', html).group(1)


def test_each_page_describes_itself_not_the_site(client, demo):
    home = page_text(client.get("/"))
    zinc = page_text(client.get("/clusters/zinc/"))
    assert meta(zinc, "name", "description") != meta(home, "name", "description")
    assert meta(zinc, "property", "og:title") == "خوشه روی"
    assert meta(home, "property", "og:title") == "خوشه‌های صنعتی زنجان"
    post = Post.objects.published().first()
    article = page_text(client.get("/en" + post.get_absolute_url()))
    assert html.unescape(meta(article, "property", "og:title")) == post.title_en
    assert meta(article, "property", "og:type") == "article"


def test_every_public_page_has_its_own_description_and_title(client, pages):
    site_description = meta(page_text(client.get("/")), "name", "description")
    generic = {"home", "404"} | {name for name in pages if name.startswith("search")}
    for name, path in pages.items():
        page = page_text(client.get(path))
        assert len(meta(page, "name", "description")) >= 20, path
        assert meta(page, "property", "og:title"), path
        if name not in generic:
            assert meta(page, "name", "description") != site_description, path


# Addresses for machines and operators, not pages for readers.
NOT_PAGES_AT_ROOT = {
    "healthz",
    "readyz",
    "robots-txt",
    "sitemap",
    "set_language",
    "media-access",  # nginx's question about an upload (cluster_portal/media.py)
}


def test_every_public_url_name_is_covered(pages):
    """A new kind of page must join tests/public_pages.py, and so the HTML, axe and SEO checks."""
    resolver = get_resolver()
    names = {key for key in resolver.reverse_dict if isinstance(key, str)} - NOT_PAGES_AT_ROOT
    for namespace, (_prefix, included) in resolver.namespace_dict.items():
        if namespace not in {"admin", "api"}:
            names |= {f"{namespace}:{key}" for key in included.reverse_dict if isinstance(key, str)}
    covered = {name.split(" (")[0] for name in pages} | NOT_PAGES | {"outreach:inquiry-sent"}
    assert names - covered == set()
    assert "directory:document-detail" in names and "news:archive-month" in names


def test_the_sitemap_lists_every_kind_of_public_page(client, pages):
    _root, locations = sitemap_locations(client)
    # Search results, the error page and form results are not pages to index.
    for name, path in pages.items():
        if name.startswith("search:") or name == "404":
            continue
        for prefix in ("", "/en"):
            assert f"http://testserver{prefix}{path}" in locations, name
