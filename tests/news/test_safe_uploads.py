"""Uploads that can only be what they say: named by the server after their detected
type, images re-encoded, pixels capped with a Persian message, and served as files, never as
pages of the portal, with drafts' files kept from the public until publication."""

import io
import re
import struct
import zlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image

from cluster_portal.media import serve_media
from news import services
from news.models import Post
from tests.conftest import page_text
from tests.news.conftest import admin_form_data, image_bytes, pdf_bytes

SERVER_NAME = re.compile(r"news/(covers|attachments)/\d{4}/\d{2}/[0-9a-f]{32}\.(gif|png|pdf)")


@pytest.fixture
def post(content):
    return Post.objects.create(
        title_fa="خبر با تصویر", slug="pic", body_fa="<p>متن</p>", status="published"
    )


def change(client, post, **changes):
    url = f"/admin/news/post/{post.pk}/change/"
    return client.post(url, admin_form_data(client.get(url), **changes))


def png_claiming(width: int, height: int) -> bytes:
    """A real 1×1 PNG whose header claims another size: what a decompression bomb looks like
    to Pillow before it decodes anything."""
    data = image_bytes("PNG", size=(1, 1))
    header = struct.pack(">II", width, height) + data[24:29]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return data[:16] + header + crc + data[33:]


def test_a_gif_with_a_script_named_html_is_stored_as_a_clean_gif(publisher_client, post):
    payload = image_bytes("GIF", size=(40, 20)) + b"<script>parent.steal()</script>"
    upload = SimpleUploadedFile("cover.html", payload, "text/html")
    response = change(publisher_client, post, cover_image=upload, cover_alt_fa="متن")
    assert response.status_code == 302, page_text(response)
    post.refresh_from_db()
    assert SERVER_NAME.fullmatch(post.cover_image.name), post.cover_image.name
    stored = post.cover_image.read()
    assert b"<script" not in stored
    assert Image.open(io.BytesIO(stored)).size == (40, 20)


@pytest.mark.parametrize(
    ("size", "reason"),
    [((15_000, 15_000), "Pillow's bomb error"), ((7_000, 7_000), "the portal's cap")],
)
def test_too_many_pixels_is_a_persian_form_error_not_a_500(publisher_client, post, size, reason):
    upload = SimpleUploadedFile("big.png", png_claiming(*size), "image/png")
    response = change(publisher_client, post, cover_image=upload, cover_alt_fa="متن")
    assert response.status_code == 200, reason
    assert "تصویر بیش از اندازه بزرگ است" in page_text(response)
    post.refresh_from_db()
    assert not post.cover_image


def test_an_attachment_is_named_by_the_server(publisher_client, post):
    upload = SimpleUploadedFile("<b>report</b>.pdf", pdf_bytes(), "application/pdf")
    data = {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title_fa": "گزارش",
        "attachments-0-file": upload,
        "attachments-0-order": "0",
    }
    assert change(publisher_client, post, **data).status_code == 302
    assert SERVER_NAME.fullmatch(post.attachments.get().file.name)


def test_uploads_are_served_as_sandboxed_files(publisher_client, post):
    upload = SimpleUploadedFile("c.png", image_bytes("PNG", size=(20, 20)), "image/png")
    change(publisher_client, post, cover_image=upload, cover_alt_fa="متن")
    post.refresh_from_db()
    request = RequestFactory().get(post.cover_image.url)
    request.user = AnonymousUser()
    response = serve_media(request, post.cover_image.name)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert "script-src" not in response["Content-Security-Policy"]


def test_a_drafts_files_are_not_public_before_publication(client, publisher, publisher_client):
    draft = services.post_create(
        user=publisher, fields={"title_fa": "پیش‌نویس", "slug": "draft", "body_fa": "<p>x</p>"}
    )
    upload = SimpleUploadedFile("c.png", image_bytes("PNG", size=(20, 20)), "image/png")
    change(publisher_client, draft, cover_image=upload, cover_alt_fa="متن")
    draft.refresh_from_db()
    access = f"/media-access/{draft.cover_image.name}"
    assert publisher_client.get(access).status_code == 204  # staff preview it
    client.logout()
    assert client.get(access).status_code == 404
    services.post_publish(post=draft, user=publisher)
    assert client.get(access).status_code == 204
    assert client.get(f"/media-access{draft.cover_image.url}").status_code == 204  # nginx's form
