"""Write one archive of the site's data and media (see cluster_portal/backup.py)."""

from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from cluster_portal.backup import write_archive


class Command(BaseCommand):
    help = "Write the data (JSON) and media files into one .tar.gz archive with a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="archive path (default: backups/portal-<date>-<time>.tar.gz)",
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            output = Path("backups") / f"portal-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        output.parent.mkdir(parents=True, exist_ok=True)
        manifest = write_archive(output)
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {output}: {rows} rows, {len(manifest['media'])} media files."
            )
        )
