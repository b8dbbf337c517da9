"""Write one archive of the site's data and media (see cluster_portal/backup/)."""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cluster_portal.backup import ArchiveError, write_archive


class Command(BaseCommand):
    help = (
        "Write the data (JSON) and media files into one .tar.gz archive with a manifest, "
        "readable by its owner only, signed and optionally encrypted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="archive path (default: backups/portal-<date>-<time>.tar.gz)",
        )
        parser.add_argument(
            "--sign-key",
            type=Path,
            default=settings.PORTAL_BACKUP_KEY_FILE or None,
            help="operator key file to sign with (default: DJANGO_BACKUP_KEY_FILE)",
        )
        parser.add_argument(
            "--encrypt-to",
            type=Path,
            default=settings.PORTAL_BACKUP_ENCRYPT_TO or None,
            help="GnuPG public key file to encrypt to (default: DJANGO_BACKUP_ENCRYPT_TO)",
        )

    def handle(self, *args, output=None, sign_key=None, encrypt_to=None, **options):
        if output is None:
            suffix = ".tar.gz.gpg" if encrypt_to else ".tar.gz"
            output = Path("backups") / f"portal-{datetime.now():%Y%m%d-%H%M%S}{suffix}"
        output.parent.mkdir(parents=True, exist_ok=True)
        try:
            manifest = write_archive(output, sign_key=sign_key, encrypt_to=encrypt_to)
        except ArchiveError as error:
            raise CommandError(f"No backup written: {error}") from error
        rows = sum(manifest["counts"].values())
        sealed = ", ".join(
            word for word, on in (("signed", sign_key), ("encrypted", encrypt_to)) if on
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {output} (mode 0600{', ' + sealed if sealed else ', NOT signed'}): "
                f"{rows} rows, {len(manifest['media'])} media files."
            )
        )
