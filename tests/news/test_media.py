"""Uploads: checked by their bytes, refused with a clear Persian message, nothing changed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import Attachment, Post
from tests.helpers import page_text
from tests.news.helpers import admin_form_data, image_bytes, pdf_bytes, png_upload


@pytest.fixture
def post(content):
    return Post.objects.create(
        title_fa="خبر با تصویر", slug="pic", body_fa="<p>متن</p>", status="published"
    )


def change_url(post):
    return f"/admin/news/post/{post.pk}/change/"


def post_change(client, post, **changes):
    return client.post(change_url(post), admin_form_data(client.get(change_url(post)), **changes))


def stored_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


def test_an_image_with_alt_text_shows_as_responsive_lazy_thumbnails(publisher_client, post):
    response = post_change(
        publisher_client, post, cover_image=png_upload(), cover_alt_fa="نمای کارگاه فرش‌بافی"
    )
    assert response.status_code == 302, page_text(response)
    html = page_text(publisher_client.get(post.get_absolute_url()))
    img = html.split("<figure><img ", 1)[1].split(">", 1)[0]
    assert 'alt="نمای کارگاه فرش‌بافی"' in img
    assert 'loading="lazy"' in img
    # A 1600×900 original: thumbnails 400, 800 and 1200 wide, the first as the fallback.
    assert 'width="400" height="225"' in img
    assert " 800w" in img and " 1200w" in img
    # The card on the list carries the same image.
    assert 'alt="نمای کارگاه فرش‌بافی"' in page_text(publisher_client.get("/news/"))


def test_an_image_without_alt_text_is_refused(publisher_client, post, media_root):
    response = post_change(publisher_client, post, cover_image=png_upload(), cover_alt_fa="")
    assert response.status_code == 200
    assert "برای تصویر، متن جایگزین لازم است." in page_text(response)
    post.refresh_from_db()
    assert not post.cover_image
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "logo.png",
                b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
                "image/png",
            ),
            "تصویر SVG پذیرفته نمی‌شود",
        ),
        (
            SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image at all", "image/jpeg"),
            "این پرونده تصویر خوانایی نیست",
        ),
        (
            SimpleUploadedFile("scan.tif", image_bytes("TIFF", size=(20, 20)), "image/tiff"),
            "تصویر با قالب TIFF پذیرفته نمی‌شود",
        ),
    ],
    ids=["svg-renamed-png", "executable-renamed-jpg", "tiff"],
)
def test_a_bad_image_is_refused_by_content(publisher_client, post, media_root, upload, message):
    before = Post.objects.filter(pk=post.pk).values().get()
    response = post_change(
        publisher_client, post, cover_image=upload, cover_alt_fa="متن", title_fa="عنوان تازه"
    )
    assert response.status_code == 200
    assert message in page_text(response)
    assert Post.objects.filter(pk=post.pk).values().get() == before
    assert stored_files(media_root) == []


def test_an_oversized_image_is_refused(publisher_client, post, media_root, settings):
    settings.PORTAL_NEWS_IMAGE_MAX_BYTES = 1000
    response = post_change(publisher_client, post, cover_image=png_upload(), cover_alt_fa="متن")
    assert "پرونده بیش از اندازه بزرگ است" in page_text(response)
    post.refresh_from_db()
    assert not post.cover_image
    assert stored_files(media_root) == []


def attachment_changes(upload, title="گزارش سالانه"):
    return {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title_fa": title,
        "attachments-0-file": upload,
        "attachments-0-order": "0",
    }


def test_a_real_pdf_attachment_is_listed_on_the_post(publisher_client, post):
    upload = SimpleUploadedFile("report.pdf", pdf_bytes(), "application/pdf")
    response = post_change(publisher_client, post, **attachment_changes(upload))
    assert response.status_code == 302, page_text(response)
    attachment = Attachment.objects.get(post=post)
    html = page_text(publisher_client.get(post.get_absolute_url()))
    assert f'href="{attachment.file.url}"' in html
    assert "گزارش سالانه" in html


def test_a_fake_pdf_is_refused(publisher_client, post, media_root):
    upload = SimpleUploadedFile("report.pdf", b"<html><script>x</script></html>", "application/pdf")
    response = post_change(publisher_client, post, **attachment_changes(upload))
    assert response.status_code == 200
    assert "این پرونده سند PDF نیست" in page_text(response)
    assert not Attachment.objects.exists()
    assert stored_files(media_root) == []
