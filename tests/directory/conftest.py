"""Fixtures for the directory: the Persian admin language and a fresh MEDIA_ROOT."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def persian():
    """Services run in the Persian admin; another test may have left English active."""
    with translation.override("fa"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads land in a fresh folder, so a test can see exactly what was stored."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
