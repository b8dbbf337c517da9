"""Fixtures for the newsroom: real roles from the data migration, real image and PDF bytes,
and uploads kept in a temporary MEDIA_ROOT."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _member(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _member(django_user_model, "editor-user", "editors")


@pytest.fixture
def publisher(db, django_user_model):
    return _member(django_user_model, "publisher-user", "publishers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
