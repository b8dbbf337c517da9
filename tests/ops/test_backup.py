"""`backup` then `restore` brings every row of every model back, and refuses what it should.

The round trip covers every model an archive holds (the project's apps and the accounts), with
values drawn per field type (tests/ops/rows.py), and compares every field after the restore.
"""

import io
import itertools
import json
import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tarfile

import pytest
from django.contrib.sessions.models import Session
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, models
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cluster_portal.backup import backed_up_models
from news.models import Post

from .rows import make_rows

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "backup.key"
    path.write_text(secrets.token_urlsafe(48))
    path.chmod(0o600)
    return path


def snapshot() -> dict:
    """Every field of every row of every backed-up model, and every referenced file's bytes."""
    rows, files = {}, {}
    for model in backed_up_models():
        queryset = model._base_manager.order_by("pk")
        rows[model._meta.label] = serializers.serialize("python", queryset)
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                for name in queryset.exclude(**{field.name: ""}).values_list(field.name, flat=True):
                    with default_storage.open(name, "rb") as handle:
                        files[name] = handle.read()
    return {"rows": rows, "files": files}


def empty_the_site():
    for model in reversed(backed_up_models()):
        model._base_manager.all().delete()
    shutil.rmtree(default_storage.location, ignore_errors=True)


@settings(
    max_examples=int(os.environ.get("ROUND_TRIP_EXAMPLES", "3")),
    deadline=None,
    # A failure names the model and field; shrinking a whole site of rows takes minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_round_trip_brings_back_every_field_of_every_model(data, media, key_file, tmp_path):
    counter = itertools.count(1)
    empty_the_site()
    for model in backed_up_models():
        make_rows(data, model, counter)
    before = snapshot()
    assert all(len(rows) >= 2 for rows in before["rows"].values()), "a model was left empty"
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, sign_key=key_file, verbosity=0)
    empty_the_site()
    assert Post.objects.count() == 0
    call_command("restore", archive, key_file=key_file, yes=True, verbosity=0)
    after = snapshot()
    for label, rows in before["rows"].items():
        assert after["rows"][label] == rows, label
    assert after["files"] == before["files"]
    empty_the_site()


@pytest.fixture
def site(demo, media, django_user_model):
    """The source document's content, demo news, a staff account and an upload."""
    django_user_model.objects.create_user("editor", password="zinc-and-carpet-1393")
    default_storage.save("attachments/report-1393.pdf", ContentFile(b"%PDF-1.4 zinc \x00\xff"))


def backup(tmp_path, key_file, name="site.tar.gz", **options):
    archive = tmp_path / name
    call_command("backup", output=archive, sign_key=key_file, verbosity=0, **options)
    return archive


def test_archive_and_signature_are_owner_only(site, tmp_path, key_file):
    archive = backup(tmp_path, key_file)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "site.tar.gz.sig").stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        data = json.loads(tar.extractfile("data.json").read())
    assert manifest["counts"]["news.post"] == Post.objects.count()
    assert "media/attachments/report-1393.pdf" in {
        e["name"] and "media/" + e["name"] for e in manifest["media"]
    }
    held = {row["model"] for row in data}
    assert "auth.user" in held
    assert not held & {"sessions.session", "admin.logentry", "axes.accessattempt"}


def test_restore_into_a_freshly_migrated_database_replaces_only_what_migrate_made(
    site, tmp_path, key_file, django_user_model
):
    from django.contrib.auth.models import Group

    archive = backup(tmp_path, key_file)
    empty_the_site()
    Group.objects.create(name="editors")  # as the groups' data migration makes them
    Group.objects.create(name="publishers")
    out = io.StringIO()
    call_command("restore", archive, key_file=key_file, yes=True, stdout=out)
    assert "auth.group: 2 rows (made by migrate)" in out.getvalue()
    assert django_user_model.objects.get(username="editor").check_password("zinc-and-carpet-1393")
    with default_storage.open("attachments/report-1393.pdf", "rb") as handle:
        assert handle.read() == b"%PDF-1.4 zinc \x00\xff"


def test_restore_says_what_it_replaces_and_waits_for_the_word(
    site, tmp_path, key_file, monkeypatch
):
    archive = backup(tmp_path, key_file)
    Post.objects.all().delete()
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    out = io.StringIO()
    with pytest.raises(CommandError, match="not confirmed"):
        call_command("restore", archive, key_file=key_file, force=True, stdout=out)
    assert "news.category:" in out.getvalue() and "Type 'restore'" in out.getvalue()
    assert Post.objects.count() == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("restore\n"))
    call_command("restore", archive, key_file=key_file, force=True, stdout=io.StringIO())
    assert Post.objects.count() > 0


def test_restore_refuses_a_database_with_content_without_force(site, tmp_path, key_file):
    archive = backup(tmp_path, key_file)
    Post.objects.filter(pk=Post.objects.first().pk).delete()
    remaining = Post.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", archive, key_file=key_file, yes=True, verbosity=0)
    assert Post.objects.count() == remaining


def rewrite(archive, target, change):
    """An archive altered as an attacker would: its internal checksums made to fit again."""
    with tarfile.open(archive) as source:
        files = {m.name: source.extractfile(m).read() for m in source.getmembers()}
    files["data.json"] = change(files["data.json"])
    manifest = json.loads(files["manifest.json"])
    import hashlib

    manifest["data_sha256"] = hashlib.sha256(files["data.json"]).hexdigest()
    rows = json.loads(files["data.json"])
    manifest["counts"] = {
        label: sum(1 for row in rows if row["model"] == label) for label in manifest["counts"]
    }
    files["manifest.json"] = json.dumps(manifest).encode()
    with tarfile.open(target, "w:gz") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return target


def test_a_tampered_archive_is_refused(site, tmp_path, key_file):
    archive = backup(tmp_path, key_file)
    empty_the_site()
    tampered = rewrite(
        archive, tmp_path / "tampered.tar.gz", lambda data: data.replace(b'"zinc"', b'"lead"', 1)
    )
    shutil.copy(tmp_path / "site.tar.gz.sig", tmp_path / "tampered.tar.gz.sig")
    with pytest.raises(CommandError, match="signature does not match"):
        call_command("restore", tampered, key_file=key_file, yes=True, verbosity=0)
    assert Post.objects.count() == 0
    other_key = tmp_path / "other.key"
    other_key.write_text(secrets.token_urlsafe(48))
    with pytest.raises(CommandError, match="signature does not match"):
        call_command("restore", archive, key_file=other_key, yes=True, verbosity=0)


def test_restore_without_a_key_needs_to_be_told(site, tmp_path, key_file):
    archive = backup(tmp_path, key_file)
    empty_the_site()
    with pytest.raises(CommandError, match="--key-file"):
        call_command("restore", archive, yes=True, verbosity=0)
    call_command("restore", archive, unsigned=True, yes=True, verbosity=0)
    assert Post.objects.count() > 0


def test_a_planted_session_is_never_loaded(site, tmp_path, key_file):
    """Even an archive signed with the operator's key loads only content and accounts."""
    archive = backup(tmp_path, key_file)
    empty_the_site()
    session = {
        "model": "sessions.session",
        "pk": "x" * 32,
        "fields": {"session_data": "planted", "expire_date": "2099-01-01T00:00:00Z"},
    }
    planted = rewrite(
        archive,
        tmp_path / "planted.tar.gz",
        lambda data: json.dumps([*json.loads(data), session]).encode(),
    )
    from cluster_portal.backup import seal

    seal.sign(planted, key_file)
    with pytest.raises(CommandError, match=r"never loads \(sessions\.session\)"):
        call_command("restore", planted, key_file=key_file, yes=True, verbosity=0)
    assert not Session.objects.exists()
    assert Post.objects.count() == 0


def test_not_an_archive_is_refused_clearly(tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_bytes(b"\x1f\x8bnot a backup")
    with pytest.raises(CommandError, match="cannot read the archive"):
        call_command("restore", bogus, unsigned=True, yes=True, verbosity=0)


@pytest.mark.skipif(shutil.which("gpg") is None, reason="needs GnuPG: apt-get install gnupg")
def test_an_encrypted_backup_is_unreadable_without_the_private_key(
    site, tmp_path, key_file, monkeypatch
):
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    gpg = ["gpg", "--batch", "--passphrase", "", "--pinentry-mode", "loopback"]
    subprocess.run(
        [*gpg, "--quick-gen-key", "Portal backups <ops@example.org>", "default", "default"],
        check=True,
        capture_output=True,
    )
    public = tmp_path / "operator.asc"
    subprocess.run(
        ["gpg", "--batch", "--armor", "--output", str(public), "--export", "ops@example.org"],
        check=True,
        capture_output=True,
    )
    archive = backup(tmp_path, key_file, name="site.tar.gz.gpg", encrypt_to=public)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    raw = archive.read_bytes()
    assert not raw.startswith(b"\x1f\x8b") and b"zinc-and-carpet" not in raw
    empty_the_site()
    call_command("restore", archive, key_file=key_file, yes=True, verbosity=0)
    assert Post.objects.count() > 0
    empty_the_site()
    monkeypatch.setenv("GNUPGHOME", str(tmp_path))  # an operator without the private key
    with pytest.raises(CommandError, match="gpg failed"):
        call_command("restore", archive, key_file=key_file, yes=True, verbosity=0)
    assert Post.objects.count() == 0


def load_drill():
    """ops/drill.py's table fingerprints (row count and checksum), the drill's own comparison."""
    import importlib.util

    from django.conf import settings as django_settings

    path = django_settings.BASE_DIR / "ops" / "drill.py"
    spec = importlib.util.spec_from_file_location("drill", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the guide restores into a new PostgreSQL database; set DATABASE_URL to one",
)
@settings(
    max_examples=1,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_guides_restore_script_as_written(data, media, tmp_path, key_file):
    """ops/restore.sh, the commands docs/deploy.md gives, into a database it creates, brings
    back rows of every model (notices, inquiries, subscribers, deliveries, feedback, posts with
    attachments, ranking editions…) with every column equal."""
    from django.conf import settings as django_settings

    empty_the_site()
    counter = itertools.count(1)
    for model in backed_up_models():
        make_rows(data, model, counter)
    archive = backup(tmp_path, key_file)
    server = connection.settings_dict
    name = f"{server['NAME']}_guide"
    url = f"postgres://{server['USER']}@{server['HOST']}:{server['PORT']}/{name}"
    subprocess.run(["dropdb", "--if-exists", "-h", server["HOST"], "-U", server["USER"], name])
    media_root = tmp_path / "restored-media"
    env = {
        **os.environ,
        "PORTAL_MANAGE": f"{sys.executable} {django_settings.BASE_DIR / 'manage.py'}",
        "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.dev",
        "DJANGO_MEDIA_ROOT": str(media_root),
        "DJANGO_BACKUP_KEY_FILE": str(key_file),
    }
    try:
        result = subprocess.run(
            ["sh", str(django_settings.BASE_DIR / "ops" / "restore.sh"), url, str(archive)],
            input="restore\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        # Every office role's group, made by the roles migration on the new database.
        assert re.search(r"auth\.group: \d+ rows \(made by migrate\)", result.stdout)
        drill = load_drill()
        links = {
            f.remote_field.through._meta.db_table
            for m in backed_up_models()
            for f in m._meta.local_many_to_many
        }
        tables = sorted({m._meta.db_table for m in backed_up_models()} | links)
        source = drill.fingerprints(server["NAME"], tables, links)
        restored = drill.fingerprints(name, tables, links)
        assert all(
            count >= 2 for count, _ in (source[m._meta.db_table] for m in backed_up_models())
        )
        assert restored == source
        for path in media.rglob("*"):
            if path.is_file():
                assert (media_root / path.relative_to(media)).read_bytes() == path.read_bytes()
    finally:
        subprocess.run(["dropdb", "--if-exists", "-h", server["HOST"], "-U", server["USER"], name])
        empty_the_site()


def test_a_restore_moves_the_content_version_once_not_once_per_row(
    site, tmp_path, key_file, monkeypatch
):
    """Readers see the restored content at once (the version moved), and loading thousands of
    rows does not ask the shared cache to move it thousands of times (a night's restore took
    minutes longer for that)."""
    from core import content_cache

    archive = backup(tmp_path, key_file)
    empty_the_site()
    before = content_cache.current_generation()
    moves = []
    original = content_cache.shared_cache

    class CountingCache:
        def __init__(self, cache):
            self.cache = cache

        def incr(self, key, *args, **kwargs):
            if key == content_cache.GENERATION_KEY:
                moves.append(key)
            return self.cache.incr(key, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(self.cache, name)

    monkeypatch.setattr(content_cache, "shared_cache", lambda: CountingCache(original()))
    call_command("restore", archive, key_file=key_file, yes=True, verbosity=0)
    assert Post.objects.count() > 0
    assert len(moves) == 1
    assert content_cache.current_generation() != before


def test_a_backup_reads_each_referenced_content_type_once(site, tmp_path, key_file):
    """Search rows and version history point at content types by natural key; the backup's
    queries stay the same however many of those rows there are (it made one per row, which
    kept a backup of the benchmark-size database busy for minutes)."""
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    from search.models import SearchDocument

    def queries_of_a_backup(name):
        with CaptureQueriesContext(db) as queries:
            backup(tmp_path, key_file, name=name)
        return len(queries)

    def add_posts(count, start):
        for number in range(start, start + count):
            Post.objects.create(
                title_fa=f"خبر {number}", slug=f"bench-{number}", body_fa="<p>متن</p>",
                status="published",
            )  # fmt: skip

    add_posts(3, 0)
    few = queries_of_a_backup("few.tar.gz")
    documents = SearchDocument.objects.count()
    add_posts(30, 100)
    assert SearchDocument.objects.count() >= documents + 30
    assert queries_of_a_backup("many.tar.gz") == few
