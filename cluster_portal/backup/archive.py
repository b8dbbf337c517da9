"""One archive holds the site: the data as JSON, the uploaded media files and a manifest.

`manage.py backup` writes it and `manage.py restore` loads it into a migrated database. Primary
keys are kept (a post's id is in its public address); references to content types and
permissions use natural keys, because a fresh database numbers those differently.

What is in it (docs/deploy.md says so to operators): every model of the project's own apps and
the accounts (users with their password hashes, groups, TOTP devices with their seeds, edit
history). Never sessions, the admin log, login attempts (axes), thumbnails' cache, content types
or permissions (`migrate` makes those). `restore` loads nothing else, whatever the archive holds.
"""

import hashlib
import io
import json
import posixpath
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import django
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from core.public_content import one_content_change

from . import seal
from .errors import ArchiveError

FORMAT = 1
# Django's JSON with times to the microsecond (jsonformat.py); data.json in the archive.
serializers.register_serializer("portaljson", "cluster_portal.backup.jsonformat")
# Every model of these apps is the project's content.
CONTENT_APPS = ("clusters", "carpets", "news", "directory", "outreach", "search")
# The accounts: who may sign in, with what roles and second factor, and what they changed.
ACCOUNT_MODELS = (
    "auth.group",
    "auth.user",
    "otp_totp.totpdevice",
    "reversion.revision",
    "reversion.version",
)
# Rows `migrate` makes itself (the staff roles of the groups' data migrations): a freshly
# migrated database holds them, so they are not "content"; the archive's copy replaces them.
MADE_BY_MIGRATE = ("auth.group",)


def backed_up_models():
    """The models an archive holds and a restore loads, parents before the rows that need them."""
    chosen = [
        model
        for model in apps.get_models()
        if (model._meta.app_label in CONTENT_APPS or model._meta.label_lower in ACCOUNT_MODELS)
        and model._meta.managed
        and not model._meta.proxy
    ]
    return dependency_order(chosen)


def dependency_order(models: list) -> list:
    """Models ordered so each comes after the models its foreign keys point to (cycles: as is)."""
    ordered, placed = [], set()
    pending = list(models)
    while pending:
        for model in pending:
            needs = {
                f.related_model
                for f in model._meta.get_fields()
                if (f.many_to_one or f.one_to_one) and f.concrete and f.related_model in pending
                and f.related_model is not model
            }  # fmt: skip
            if needs <= placed:
                break
        else:
            model = pending[0]
        pending.remove(model)
        placed.add(model)
        ordered.append(model)
    return ordered


def backed_up_labels() -> set[str]:
    return {model._meta.label_lower for model in backed_up_models()}


def row_counts() -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.count() for m in backed_up_models()}


def replaced_rows() -> dict[str, int]:
    """The rows a restore deletes before loading: every non-empty model it loads."""
    return {label: n for label, n in row_counts().items() if n}


def applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def media_files(directory: str = "") -> list[str]:
    try:
        subdirectories, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [posixpath.join(directory, name) for name in files]
    for sub in subdirectories:
        names += media_files(posixpath.join(directory, sub))
    return sorted(names)


def write_archive(path: Path, *, sign_key: Path | None = None, encrypt_to: Path | None = None):
    """Write the archive to `path` (0600), encrypted to `encrypt_to`'s public key if given, and
    its signature to `<path>.sig` if `sign_key` is given; return the manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.json"
        with transaction.atomic():  # one consistent snapshot of data, counts and migrations
            call_command(
                "dumpdata",
                *[m._meta.label for m in backed_up_models()],
                natural_foreign=True,
                format="portaljson",
                output=str(data_path),
                verbosity=0,
            )
            manifest = {
                "format": FORMAT,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "django": django.get_version(),
                "database": connections[DEFAULT_DB_ALIAS].vendor,
                "migrations": applied_migrations(),
                "counts": row_counts(),
                "data_sha256": sha256(data_path.read_bytes()),
                "media": [],
            }
        plain = Path(tmp) / "archive.tar.gz" if encrypt_to else Path(path)
        with seal.private_file(plain) as handle, tarfile.open(fileobj=handle, mode="w:gz") as tar:
            tar.add(data_path, arcname="data.json")
            for name in media_files():
                with default_storage.open(name, "rb") as media:
                    content = media.read()
                manifest["media"].append(
                    {"name": name, "size": len(content), "sha256": sha256(content)}
                )
                add_bytes(tar, f"media/{name}", content)
            add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
        if encrypt_to:
            seal.encrypt(plain, encrypt_to, Path(path))
    if sign_key:
        seal.sign(Path(path), sign_key)
    return manifest


def read_archive(path: Path) -> tuple[dict, bytes, dict[str, bytes]]:
    """Manifest, data and media files of a plain archive, every checksum verified."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {m.name: m for m in archive.getmembers() if m.isfile()}
            if "manifest.json" not in members or "data.json" not in members:
                raise ArchiveError("not a portal backup: manifest.json or data.json is missing")
            manifest = json.loads(archive.extractfile(members["manifest.json"]).read())
            data = archive.extractfile(members["data.json"]).read()
            media = {}
            for entry in manifest.get("media", []):
                member = members.get(f"media/{entry['name']}")
                if member is None or not safe_name(entry["name"]):
                    raise ArchiveError(f"media file {entry['name']!r} is missing or unsafe")
                media[entry["name"]] = archive.extractfile(member).read()
    except (OSError, tarfile.TarError, EOFError, json.JSONDecodeError, KeyError) as error:
        raise ArchiveError(f"cannot read the archive: {error}") from error
    if manifest.get("format") != FORMAT:
        raise ArchiveError(f"unknown archive format {manifest.get('format')!r}")
    if sha256(data) != manifest.get("data_sha256"):
        raise ArchiveError("data.json does not match its checksum: the archive is damaged")
    for entry in manifest["media"]:
        if sha256(media[entry["name"]]) != entry["sha256"]:
            raise ArchiveError(f"media file {entry['name']!r} does not match its checksum")
    return manifest, data, media


@dataclass
class Restore:
    """An archive checked and read, and what loading it would replace in this database."""

    manifest: dict
    data: bytes
    media: dict[str, bytes]
    replaced: dict[str, int] = field(default_factory=dict)
    media_replaced: list[str] = field(default_factory=list)

    @property
    def content_rows(self) -> dict[str, int]:
        """Replaced rows that are content, not what `migrate` made."""
        return {k: n for k, n in self.replaced.items() if k not in MADE_BY_MIGRATE}

    def check_replaceable(self, *, force: bool) -> None:
        if self.content_rows and not force:
            raise ArchiveError(
                "the database is not empty ("
                + ", ".join(f"{label}: {n}" for label, n in sorted(self.content_rows.items()))
                + "); restore into a new, migrated database, or pass --force to replace it"
            )

    @property
    def rows(self) -> int:
        return sum(self.manifest["counts"].values())


def open_restore(path: Path, *, key_file: Path | None = None, unsigned: bool = False) -> Restore:
    """Verify the signature, decrypt, check every checksum and model; change nothing yet."""
    path = Path(path)
    if key_file:
        seal.verify(path, key_file)
    elif not unsigned:
        raise ArchiveError(
            "no key to check the archive's signature: pass --key-file (the key the backup was "
            "signed with), or --unsigned to restore an archive whose origin is not checked"
        )
    try:
        encrypted = seal.is_encrypted(path)
    except OSError as error:
        raise ArchiveError(f"cannot read the archive: {error}") from error
    if encrypted:
        with tempfile.TemporaryDirectory() as tmp:
            plain = Path(tmp) / "archive.tar.gz"
            seal.decrypt(path, plain)
            manifest, data, media = read_archive(plain)
    else:
        manifest, data, media = read_archive(path)
    missing = {tuple(m) for m in manifest["migrations"]} - {tuple(m) for m in applied_migrations()}
    if missing:
        raise ArchiveError(
            f"the archive comes from a newer schema ({len(missing)} migrations this database "
            "lacks, e.g. {}.{}); deploy that code version and run migrate first".format(
                *sorted(missing)[0]
            )
        )
    check_models(data)
    return Restore(
        manifest,
        data,
        media,
        replaced=replaced_rows(),
        media_replaced=[name for name in media if default_storage.exists(name)],
    )


def check_models(data: bytes) -> None:
    """Refuse an archive holding rows of any model restore never loads (a planted session)."""
    try:
        labels = {row["model"] for row in json.loads(data)}
    except (json.JSONDecodeError, TypeError, KeyError) as error:
        raise ArchiveError(f"data.json is not a list of rows: {error}") from error
    foreign = sorted(labels - backed_up_labels())
    if foreign:
        raise ArchiveError(
            f"the archive holds rows restore never loads ({', '.join(foreign)}): refused"
        )


def load(restore: Restore, *, force: bool = False) -> dict:
    """Replace the loaded models' rows and media with the archive's, in one transaction."""
    restore.check_replaceable(force=force)
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.portaljson"
        data_path.write_bytes(restore.data)
        # Every page changes with a restore: the content version moves once, not once per row.
        with one_content_change(), transaction.atomic():
            for model in reversed(backed_up_models()):
                model._base_manager.all().delete()
            call_command("loaddata", str(data_path), verbosity=0)
            counts = row_counts()
            expected = {label: n for label, n in restore.manifest["counts"].items()}
            if {label: counts.get(label) for label in expected} != expected:
                raise ArchiveError("row counts after loading differ from the manifest")
    for name, content in restore.media.items():
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(content))
    return restore.manifest


def restore_archive(path: Path, *, force=False, key_file=None, unsigned=False) -> dict:
    """Check and load an archive without asking (tests, scripts); returns its manifest."""
    return load(open_restore(path, key_file=key_file, unsigned=unsigned), force=force)


def safe_name(name: str) -> bool:
    normalized = posixpath.normpath(name)
    return not (normalized.startswith(("/", "..")) or normalized != name or "\x00" in name)


def add_bytes(archive: tarfile.TarFile, name: str, content: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(content))


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
