"""Load an archive written by `manage.py backup` into a migrated database (docs/deploy.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from cluster_portal.backup import MADE_BY_MIGRATE, ArchiveError, load, open_restore

CONFIRMATION_WORD = "restore"


class Command(BaseCommand):
    help = (
        "Check an archive's signature and checksums, say what it replaces, ask for the word "
        f"'{CONFIRMATION_WORD}', then load its data and media (run migrate first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--key-file",
            type=Path,
            default=settings.PORTAL_BACKUP_KEY_FILE or None,
            help="key file the backup was signed with (default: DJANGO_BACKUP_KEY_FILE)",
        )
        parser.add_argument(
            "--unsigned",
            action="store_true",
            help="restore without checking a signature (an archive from before signing)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the content of a database that has content",
        )
        parser.add_argument(
            "--yes", action="store_true", help=f"do not ask for the word '{CONFIRMATION_WORD}'"
        )

    def handle(self, *args, archive, key_file, unsigned, force, yes, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            restore = open_restore(archive, key_file=key_file, unsigned=unsigned)
            self.describe(archive, restore, verified=bool(key_file))
            restore.check_replaceable(force=force)
            if not yes:
                self.confirm()
            manifest = load(restore, force=force)
        except ArchiveError as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restore.rows} rows and {len(manifest['media'])} media files "
                f"from the backup of {manifest['created']}."
            )
        )

    def describe(self, archive, restore, *, verified):
        connection = connections[DEFAULT_DB_ALIAS]
        manifest = restore.manifest
        self.stdout.write(
            f"Archive {archive}: backup of {manifest['created']}, {restore.rows} rows, "
            f"{len(manifest['media'])} media files, "
            + ("signature checked." if verified else "signature NOT checked (--unsigned).")
        )
        self.stdout.write(
            f"Database {connection.settings_dict['NAME']} ({connection.vendor}): "
            + ("it will replace:" if restore.replaced else "nothing in it will be replaced.")
        )
        for label, count in sorted(restore.replaced.items()):
            made = " (made by migrate)" if label in MADE_BY_MIGRATE else ""
            self.stdout.write(f"  {label}: {count} rows{made}")
        if restore.media_replaced:
            self.stdout.write(f"  media files overwritten: {len(restore.media_replaced)}")

    def confirm(self):
        self.stdout.write(f"Type '{CONFIRMATION_WORD}' to go on: ", ending="")
        self.stdout.flush()
        try:
            answer = input()
        except EOFError:
            answer = ""
        if answer.strip() != CONFIRMATION_WORD:
            raise ArchiveError(f"not confirmed (the word is '{CONFIRMATION_WORD}', or pass --yes)")
