"""The admin's own protections: the second factor on in production and off in
development, and staff signed out after an idle time."""

import importlib.util
import os
import time

import pytest
from django.conf import settings as django_settings

from cluster_portal.admin_security import LAST_SEEN_KEY
from tests.ops.test_production_settings import PROD_ENV, ROOT


def settings_module(name, monkeypatch, env):
    for key in list(os.environ):
        if key.startswith("DJANGO_STAFF"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    path = ROOT / "cluster_portal" / "settings" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"cluster_portal.settings.{name}_probe", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_production_asks_staff_for_a_second_factor_and_development_does_not(monkeypatch):
    prod_env = {k: v for k, v in PROD_ENV.items() if k != "DJANGO_SETTINGS_MODULE"}
    assert settings_module("prod", monkeypatch, prod_env).PORTAL_STAFF_OTP_REQUIRED is True
    assert settings_module("dev", monkeypatch, {}).PORTAL_STAFF_OTP_REQUIRED is False


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "b@example.org", "x" * 16)
    client.force_login(user)
    return client


def admin_url(name=""):
    return f"/{django_settings.PORTAL_ADMIN_PATH}{name}"


def set_last_seen(client, seconds_ago):
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_an_idle_staff_session_is_signed_out(staff, settings):
    assert staff.get(admin_url()).status_code == 200
    set_last_seen(staff, settings.PORTAL_STAFF_IDLE_SECONDS + 5)
    response = staff.get(admin_url("news/post/"))
    assert response.status_code == 302
    assert response.url.startswith(admin_url("login/"))
    assert "_auth_user_id" not in staff.session
    assert staff.get(admin_url()).status_code == 302  # still signed out


def test_a_working_staff_session_stays_open(staff, settings):
    set_last_seen(staff, settings.PORTAL_STAFF_IDLE_SECONDS - 60)
    assert staff.get(admin_url("news/post/")).status_code == 200
    set_last_seen(staff, settings.PORTAL_STAFF_IDLE_SECONDS - 60)
    assert staff.get(admin_url()).status_code == 200


def test_staff_sessions_end_within_a_working_day(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.PORTAL_STAFF_IDLE_SECONDS <= 30 * 60
