"""Upload checks by content, never by the file's name: a renamed script is not an image."""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from core.uploads import max_pixels, too_many_pixels_error

# Raster formats browsers show everywhere; SVG is refused because it can carry script.
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
PDF_MAGIC = b"%PDF-"


def _check_size(upload, limit: int) -> None:
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(limit)s is accepted."),
            code="too_large",
            params={"limit": filesizeformat(limit)},
        )


def _head(upload, length: int = 1024) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def validate_image(upload) -> None:
    _check_size(upload, settings.PORTAL_NEWS_IMAGE_MAX_BYTES)
    head = _head(upload).lstrip()
    if head.startswith(b"<") or b"<svg" in head.lower():
        raise ValidationError(
            _("SVG images are not accepted; upload a JPEG, PNG, WebP or GIF image."),
            code="svg",
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            # Pillow warns from 89 megapixels and raises from 179: a form error, never a 500.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_many_pixels_error() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a readable image; upload a JPEG, PNG, WebP or GIF image."),
            code="not_image",
        ) from error
    finally:
        upload.seek(0)
    if width * height > max_pixels():
        raise too_many_pixels_error()
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Images in %(format)s format are not accepted; use JPEG, PNG, WebP or GIF."),
            code="format",
            params={"format": image_format},
        )


def validate_pdf(upload) -> None:
    _check_size(upload, settings.PORTAL_NEWS_ATTACHMENT_MAX_BYTES)
    if not _head(upload, len(PDF_MAGIC)).startswith(PDF_MAGIC):
        raise ValidationError(
            _("This file is not a PDF document; only PDF attachments are accepted."),
            code="not_pdf",
        )
