"""Writes with side effects: storing a checked document, importing the directory from a file."""

from collections.abc import Iterable

import jdatetime
import tablib
from django.core.files import File
from django.db import transaction
from import_export.results import Result

from clusters.models import Cluster, LegalBasis

from .models import Document
from .resources import OrganisationResource


def document_save(*, document: Document) -> Document:
    """Check the file's bytes and the fields, then store; nothing is written if either fails.
    The admin saves through this; relations are set by the caller."""
    # clean() sets the format and size from the bytes; the field checks run before it.
    document.full_clean(exclude=["file_format", "file_size"])
    document.save()
    return document


@transaction.atomic
def document_create(
    *,
    file: File,
    title_fa: str,
    kind: str,
    language: str,
    title_en: str = "",
    summary_fa: str = "",
    summary_en: str = "",
    published_on: jdatetime.date | None = None,
    clusters: Iterable[Cluster] = (),
    legal_bases: Iterable[LegalBasis] = (),
) -> Document:
    """Check the file's bytes and the fields, then store; nothing is written if either fails."""
    document = Document(
        title_fa=title_fa,
        title_en=title_en,
        summary_fa=summary_fa,
        summary_en=summary_en,
        kind=kind,
        language=language,
        published_on=published_on,
        file=file,
    )
    document_save(document=document)
    document.clusters.set(clusters)
    document.legal_bases.set(legal_bases)
    return document


def organisations_import(*, dataset: tablib.Dataset, dry_run: bool, **options) -> Result:
    """Import a directory file: every row is checked, and one bad row means nothing is saved
    (`OrganisationResource.import_data`). `options` are django-import-export's (user,
    file_name...), as the admin passes them."""
    return OrganisationResource().import_data(dataset, dry_run=dry_run, **options)
