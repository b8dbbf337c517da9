"""One archive holds the whole site: the data as JSON, the uploaded media files and a manifest.

`manage.py backup` writes it and `manage.py restore` loads it into an empty database. Primary
keys are kept (a post's id is in its public address); references to content types and
permissions use natural keys, because a fresh database numbers those differently.
"""

import hashlib
import io
import json
import posixpath
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import django
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
# Rebuilt by `migrate` (content types, permissions) or not worth keeping (sessions, login attempts).
NOT_BACKED_UP = ("contenttypes", "auth.permission", "sessions", "axes")


class ArchiveError(Exception):
    """The archive is unreadable, incomplete, altered, or does not fit this database."""


def backed_up_models():
    skipped_apps = {label for label in NOT_BACKED_UP if "." not in label}
    skipped_models = {label for label in NOT_BACKED_UP if "." in label}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in skipped_apps
        and model._meta.label_lower not in skipped_models
        and model._meta.managed
        and not model._meta.proxy
    ]


def row_counts() -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.count() for m in backed_up_models()}


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


def write_archive(path: Path) -> dict:
    """Write the archive to `path` and return its manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.json"
        with transaction.atomic():  # one consistent snapshot of data, counts and migrations
            call_command(
                "dumpdata",
                *[m._meta.label for m in backed_up_models()],
                natural_foreign=True,
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
        with tarfile.open(path, "w:gz") as archive:
            archive.add(data_path, arcname="data.json")
            for name in media_files():
                with default_storage.open(name, "rb") as handle:
                    content = handle.read()
                manifest["media"].append(
                    {"name": name, "size": len(content), "sha256": sha256(content)}
                )
                add_bytes(archive, f"media/{name}", content)
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    return manifest


def read_archive(path: Path) -> tuple[dict, bytes, dict[str, bytes]]:
    """Manifest, data and media files of an archive, every checksum verified."""
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


def restore_archive(path: Path, *, force: bool = False) -> dict:
    """Load an archive into this database and media storage; returns its manifest."""
    manifest, data, media = read_archive(path)
    missing = {tuple(m) for m in manifest["migrations"]} - {tuple(m) for m in applied_migrations()}
    if missing:
        raise ArchiveError(
            f"the archive comes from a newer schema ({len(missing)} migrations this database "
            "lacks, e.g. {}.{}); deploy that code version and run migrate first".format(
                *sorted(missing)[0]
            )
        )
    filled = {label: n for label, n in row_counts().items() if n}
    if filled and not force:
        raise ArchiveError(
            "the database is not empty ("
            + ", ".join(f"{label}: {n}" for label, n in sorted(filled.items()))
            + "); restore into an empty database, or pass --force to replace everything"
        )
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.json"
        data_path.write_bytes(data)
        with transaction.atomic():
            if filled:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(data_path), verbosity=0)
            counts = row_counts()
            expected = {label: n for label, n in manifest["counts"].items() if label in counts}
            if {label: counts[label] for label in expected} != expected:
                raise ArchiveError("row counts after loading differ from the manifest")
    for name, content in media.items():
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(content))
    return manifest


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
