"""`manage.py backup` then `manage.py restore` into an empty database brings everything back."""

import io
import json
import tarfile

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from news.models import Post

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT_APPS = ("clusters", "carpets", "news")


def content_models():
    return [m for m in apps.get_models() if m._meta.app_label in CONTENT_APPS]


def snapshot():
    """Every row of every content model, serialized field by field in primary-key order.

    The backup is Django's JSON, which keeps times to the millisecond: a time less than a
    millisecond past the second prints as ".000Z" before the round trip and "Z" after it (now
    and then, over many rows), so both are written the one way.
    """
    return {
        model._meta.label: serializers.serialize(
            "json", model._default_manager.order_by("pk")
        ).replace('.000Z"', 'Z"')
        for model in content_models()
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def site(demo, media, django_user_model):
    """The source document's content, demo news, a staff account, its history and an upload."""
    editor = django_user_model.objects.create_user("editor", password="zinc-and-carpet-1393")
    post = Post.objects.first()
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Post),
        object_id=str(post.pk),
        object_repr=str(post),
        action_flag=ADDITION,
    )
    default_storage.save("attachments/report-1393.pdf", ContentFile(b"%PDF-1.4 zinc \x00\xff"))


def empty_the_site():
    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete("attachments/report-1393.pdf")


def test_round_trip_brings_back_every_row_and_file(site, tmp_path, django_user_model):
    before = snapshot()
    # The content fixtures fill every model there is to fill; an empty one proves nothing.
    filled = {label for label, rows in before.items() if json.loads(rows)}
    assert {"clusters.Cluster", "carpets.Observation", "news.Post"} <= filled
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, verbosity=0)

    empty_the_site()
    assert Post.objects.count() == 0
    assert not default_storage.exists("attachments/report-1393.pdf")

    call_command("restore", archive, verbosity=0)
    assert snapshot() == before
    with default_storage.open("attachments/report-1393.pdf", "rb") as handle:
        assert handle.read() == b"%PDF-1.4 zinc \x00\xff"
    editor = django_user_model.objects.get(username="editor")
    assert editor.check_password("zinc-and-carpet-1393")
    entry = LogEntry.objects.get(user=editor)
    assert entry.get_edited_object() == Post.objects.get(pk=entry.object_id)
    # Editors can go on adding: the database's id counters moved past the restored rows.
    LogEntry.objects.create(user=editor, action_flag=ADDITION, object_repr="after restore")


def test_archive_holds_data_media_and_a_manifest(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert {"data.json", "manifest.json", "media/attachments/report-1393.pdf"} <= names
    assert manifest["counts"]["news.post"] == Post.objects.count()
    assert manifest["media"][0]["size"] == len(b"%PDF-1.4 zinc \x00\xff")


def test_restore_refuses_a_database_that_is_not_empty(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    Post.objects.filter(pk=Post.objects.first().pk).delete()
    remaining = Post.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", archive, verbosity=0)
    assert Post.objects.count() == remaining


def test_restore_with_force_replaces_what_is_there(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    before = snapshot()
    Post.objects.all().delete()
    call_command("restore", archive, force=True, verbosity=0)
    assert snapshot() == before


def test_a_damaged_archive_restores_nothing(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    empty_the_site()
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "data.json":
                content = content.replace(b'"zinc"', b'"lead"', 1)
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", damaged, verbosity=0)
    assert Post.objects.count() == 0


def test_not_an_archive_is_refused_clearly(tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_text("not a backup")
    with pytest.raises(CommandError, match="cannot read the archive"):
        call_command("restore", bogus, verbosity=0)
