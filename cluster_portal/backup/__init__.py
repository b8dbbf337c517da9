"""Backups: one archive of the site's data and media, sealed (0600, signed, optionally encrypted).

- `archive`: what goes in (the project's content and accounts models, media) and how it is
  written, read and loaded.
- `seal`: owner-only files, an HMAC signature beside the archive made with an operator key the
  archive does not carry, and GnuPG encryption to an operator's public key.
"""

from .archive import (
    MADE_BY_MIGRATE,
    ArchiveError,
    Restore,
    backed_up_models,
    load,
    open_restore,
    read_archive,
    replaced_rows,
    restore_archive,
    row_counts,
    write_archive,
)

__all__ = [
    "MADE_BY_MIGRATE",
    "ArchiveError",
    "Restore",
    "backed_up_models",
    "load",
    "open_restore",
    "read_archive",
    "replaced_rows",
    "restore_archive",
    "row_counts",
    "write_archive",
]
