"""Uploads that can only be what they say (ASVS V12.1-V12.5).

Every stored upload is named by the server, `<uuid>.<ext>`, with the extension of the type its
bytes were detected as, never the uploader's name: `cover.html` made of GIF bytes and a script
is stored as `….gif` and served as an image. Images are decoded and written again by Pillow, so
anything appended after the image data (a script, an archive) is dropped, and their pixel count
is capped before decoding (`PORTAL_IMAGE_MAX_PIXELS`), so a small file cannot expand into
gigabytes of memory on every thumbnail.

- `ServerNamedUpload(prefix)`: an `upload_to` for model fields; keeps only a known extension.
- `SafeImageFormField`: a form field that returns the re-encoded image under a new name.
- `server_named(upload, ext)`: the same upload under a server-chosen name.
"""

import io
import os
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageSequence, UnidentifiedImageError

# The types the portal stores, by the extension it gives them, with the content type served.
KNOWN_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Pillow's format name -> (extension, save options). JPEG drops its EXIF (camera, place).
IMAGE_TYPES = {
    "JPEG": ("jpg", {"quality": 90}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 90}),
    "GIF": ("gif", {}),
}


def max_pixels() -> int:
    return getattr(settings, "PORTAL_IMAGE_MAX_PIXELS", 40_000_000)


def server_named(upload, ext: str) -> SimpleUploadedFile:
    """The upload's bytes under `<uuid>.<ext>`."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{ext}", data, KNOWN_TYPES[ext])


@deconstructible
class ServerNamedUpload:
    """`upload_to`: `<prefix with strftime>/<uuid>.<ext>`; an unknown extension becomes `bin`
    (served as a download, never as a page)."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __call__(self, instance, filename: str) -> str:
        ext = os.path.splitext(filename)[1].lower().lstrip(".")
        ext = {"jpeg": "jpg"}.get(ext, ext)
        if ext not in KNOWN_TYPES:
            ext = "bin"
        folder = timezone.now().strftime(self.prefix)
        return f"{folder.rstrip('/')}/{uuid.uuid4().hex}.{ext}"

    def __eq__(self, other):
        return isinstance(other, ServerNamedUpload) and other.prefix == self.prefix


def too_many_pixels_error() -> ValidationError:
    return ValidationError(
        _("The image is too large: at most %(megapixels)s megapixels are accepted."),
        code="too_many_pixels",
        params={"megapixels": max_pixels() // 1_000_000},
    )


def reencode_image(upload) -> SimpleUploadedFile:
    """The image decoded and written again, named `<uuid>.<ext>`; ValidationError in Persian for
    anything that is not a JPEG, PNG, WebP or GIF image within the pixel cap."""
    upload.seek(0)
    head = upload.read(1024).lstrip()
    if head.startswith(b"<") or b"<svg" in head.lower():
        raise ValidationError(
            _("SVG images are not accepted; upload a JPEG, PNG, WebP or GIF image."), code="svg"
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns between 89 and 179 megapixels and raises above; both are refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > max_pixels():
                    raise too_many_pixels_error()
                if image.format not in IMAGE_TYPES:
                    raise ValidationError(
                        _(
                            "Images in %(format)s format are not accepted; "
                            "use JPEG, PNG, WebP or GIF."
                        ),
                        code="format",
                        params={"format": image.format},
                    )
                ext, options = IMAGE_TYPES[image.format]
                buffer = io.BytesIO()
                if image.format == "GIF" and getattr(image, "n_frames", 1) > 1:
                    frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
                    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], loop=0)
                else:
                    image.load()
                    image.save(buffer, image.format, **options)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_many_pixels_error() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise ValidationError(
            _("This file is not a readable image; upload a JPEG, PNG, WebP or GIF image."),
            code="not_image",
        ) from error
    finally:
        upload.seek(0)
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{ext}", buffer.getvalue(), KNOWN_TYPES[ext])


class SafeImageFormField(forms.FileField):
    """A file field whose cleaned value is the re-encoded, server-named image.

    `check` (the model's own validator, e.g. news.validators.validate_image) runs first on the
    upload as sent, so its messages (size, SVG, format) are the ones the editor reads; the
    model validators then run again on the re-encoded file. A plain file field, not Django's
    ImageField, whose vaguer message would come first.
    """

    def __init__(self, *args, check=None, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if not value or value is initial or getattr(value, "_committed", False):
            return value  # nothing new uploaded: the stored file stays as it is
        if self.check is not None:
            self.check(value)
        return reencode_image(value)
