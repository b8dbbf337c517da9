"""Production settings: the deploy check, the secret key, and the headers a browser gets."""

import base64
import hashlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.conftest import page_text

ROOT = Path(django_settings.BASE_DIR)
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.prod",
    "DJANGO_SECRET_KEY": "k" * 20 + "-not-a-real-key-but-long-and-varied-0123456789",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
}


def manage(*args, env=None):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_admin_lives_at_the_configured_path():
    script = (
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from django.test import Client; c = Client();"
        "r = c.get('/office-desk/login/');"
        "print('desk', r.status_code, 'csp' in str(r.headers).lower());"
        "print('admin', c.get('/admin/login/').status_code)"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.test",
        "DJANGO_ADMIN_PATH": "office-desk",
        "DATABASE_URL": "sqlite://:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # The admin answers at its new path, without the public pages' strict policy ...
    assert "desk 200 False" in result.stdout
    # ... and nothing is left at the old, guessable one.
    assert "admin 404" in result.stdout


@pytest.fixture
def prod(settings, monkeypatch):
    """This process's settings overlaid with the security settings of the production module."""
    for name, value in PROD_ENV.items():
        if name != "DJANGO_SETTINGS_MODULE":
            monkeypatch.setenv(name, value)
    path = ROOT / "cluster_portal" / "settings" / "prod.py"
    spec = importlib.util.spec_from_file_location("cluster_portal.settings.prod_probe", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in dir(module):
        if re.match(
            r"(SECURE_|SESSION_COOKIE|CSRF_COOKIE|X_FRAME|CONTENT_SECURITY|PORTAL_PERM|PORTAL_ADMIN_CSP)",
            name,
        ):
            setattr(settings, name, getattr(module, name))
    settings.DEBUG = module.DEBUG
    return module


def assert_common_headers(response):
    headers = response.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]


@pytest.mark.parametrize("url", ["/", "/en/", "/clusters/", "/news/", "/carpets/"])
def test_public_pages_carry_a_strict_policy(client, content, prod, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    # The policy would block these, so the page must not depend on them.
    html = page_text(response)
    # JSON-LD is a data block the browser never runs, so the policy does not apply to it.
    assert not re.search(
        r'<script(?![^>]*\bsrc=)(?![^>]*type="application/ld\+json")[^>]*>', html
    ), "inline script"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def admin_policy(response) -> dict:
    return dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )


def test_the_admin_has_its_own_policy(client, prod, admin_url):
    response = client.get(admin_url("login/"), secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = admin_policy(response)
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


@pytest.mark.django_db
def test_the_prose_editors_import_map_is_allowed_by_its_hash_and_nothing_else_inline(
    client, prod, admin_url, django_user_model
):
    boss = django_user_model.objects.create_superuser("boss", "b@example.org", "x" * 16)
    client.force_login(boss)
    response = client.get(admin_url("news/post/add/"), secure=True)
    html = page_text(response)
    import_map = re.search(r'<script type="importmap">(.*?)</script>', html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(import_map.encode()).digest()).decode()
    assert admin_policy(response)["script-src"] == f"'self' 'sha256-{digest}'"
    inline = re.findall(r'<script(?![^>]*\bsrc=)(?![^>]*type="importmap")[^>]*>', html)
    assert inline == []
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_plain_http_is_redirected_to_https(client, content, prod):
    response = client.get("/clusters/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/clusters/"


@pytest.mark.django_db
def test_cookies_are_secure_and_session_cookie_is_not_readable_by_scripts(
    client, prod, admin_url, django_user_model
):
    django_user_model.objects.create_user("editor", password="zinc-and-carpet-1393", is_staff=True)
    login_page = client.get(admin_url("login/"), secure=True)
    assert login_page.cookies["csrftoken"]["secure"]
    response = client.post(
        admin_url("login/"),
        {"username": "editor", "password": "zinc-and-carpet-1393", "next": admin_url()},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
