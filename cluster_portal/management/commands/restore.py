"""Load an archive written by `manage.py backup` into an empty, migrated database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cluster_portal.backup import ArchiveError, restore_archive


class Command(BaseCommand):
    help = (
        "Restore data and media from a backup archive into an empty database (run migrate first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace everything in a database that is not empty",
        )

    def handle(self, *args, archive, force, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            manifest = restore_archive(archive, force=force)
        except ArchiveError as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {len(manifest['media'])} media files "
                f"from the backup of {manifest['created']}."
            )
        )
