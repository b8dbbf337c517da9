"""Validators for what the office types or uploads: plain text only, files checked by bytes."""

import re
import zipfile
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# A tag opener such as <script, </p or <!--; a lone "<" in "x < y" stays allowed.
_TAG = re.compile(r"<\s*[/!?]?\s*[a-zA-Z]")


def validate_plain_text(value: str) -> None:
    """Names and descriptions are plain text; markup there is a paste accident or an attack."""
    if value and _TAG.search(value):
        raise ValidationError(_("HTML tags are not allowed here; write plain text."), code="markup")


class FileFormat:
    PDF = "pdf"
    XLSX = "xlsx"
    DOCX = "docx"


# The content type `[Content_Types].xml` gives the main part of each Office format.
_OFFICE_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": FileFormat.XLSX,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        FileFormat.DOCX
    ),
}
_CONTENT_TYPES_LIMIT = 1024 * 1024
_CT_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def max_document_bytes() -> int:
    return getattr(settings, "DIRECTORY_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)


def _office_format(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            info = archive.getinfo("[Content_Types].xml")
            # A tiny XML file; a huge one is a zip bomb, not an Office document.
            if info.file_size > _CONTENT_TYPES_LIMIT:
                return None
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, RuntimeError):
        return None
    for override in root.iter(f"{_CT_NAMESPACE}Override"):
        found = _OFFICE_MAIN_PARTS.get(override.get("ContentType", ""))
        if found:
            return found
    return None


def detect_file_format(upload) -> str | None:
    """pdf, xlsx or docx as the bytes say, whatever the file is called; None otherwise."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        found = FileFormat.PDF
    elif head[:4] == b"PK\x03\x04":
        found = _office_format(upload)
    else:
        found = None
    upload.seek(0)
    return found


def validate_document_file(upload) -> str:
    """Check an uploaded document and return its format; refuse anything else in Persian."""
    if upload is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > max_document_bytes():
        raise ValidationError(
            _("The file is too large: at most %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(max_document_bytes())},
        )
    found = detect_file_format(upload)
    if found is None:
        raise ValidationError(
            _("This file is not a PDF, XLSX or DOCX document."), code="wrong_type"
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension != found:
        raise ValidationError(
            _("The file's name ends in .%(extension)s but its content is %(found)s."),
            code="wrong_extension",
            params={"extension": extension or "—", "found": found.upper()},
        )
    return found
