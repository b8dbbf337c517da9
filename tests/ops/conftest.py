import pytest
from django.conf import settings as django_settings

from cluster_portal.settings import base


@pytest.fixture
def admin_url():
    def url(name: str = "") -> str:
        return f"/{django_settings.PORTAL_ADMIN_PATH}{name}"

    return url


@pytest.fixture
def axes_on(settings):
    """django-axes as production runs it (the test settings switch it off for client.login)."""
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = base.AUTHENTICATION_BACKENDS
    return settings
