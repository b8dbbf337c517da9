"""Two real server processes share one page cache: an edit, a publish, an unpublish or a
scheduled post's time shows on the next request to either of them.

Needs PostgreSQL (both servers must see the test's committed rows) and Redis; CI runs it on
PostgreSQL. Run locally with DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal.
"""

import datetime
import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from clusters.models import Cluster
from news.models import Post
from outreach.models import Inquiry, PageFeedback, Subscriber
from tests.outreach.forms import feedback_data, inquiry_data, subscribe_data
from tests.redis_server import needs_redis
from tests.smtp import SmtpServer

REDIS_URL = "redis://127.0.0.1:6379/13"
PORTS = (8191, 8192)
SERVER_SECRET_KEY = "two-servers-test-" + "k" * 40


pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="servers must share the test database: run with "
        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal (CI does)",
    ),
    needs_redis,
]


def fetch(port: int, path: str, cookie: str | None = None) -> tuple[str, str | None]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    # Behind the proxy every server sees the site's one host name; pages are cached per host.
    request.add_header("Host", "127.0.0.1")
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.read().decode(), response.headers.get("X-Page-Cache")


@pytest.fixture(params=[None, "sessionid=two-servers-test"], ids=["anonymous", "with a session"])
def cookie(request):
    """Anonymous readers get whole cached pages; a reader with a session bypasses the page
    cache, and each server builds the page from fragments it also keeps in its own memory."""
    return request.param


@pytest.fixture
def shared_cache(settings):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }


@pytest.fixture(scope="module")
def smtp_server():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def server_ports(django_db_setup, tmp_path_factory, smtp_server):
    """Two gunicorn processes, started once for the module, on the test database, sending
    mail to a local SMTP server."""
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cluster_portal.settings.prod",
        "DJANGO_SECRET_KEY": SERVER_SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_EMAIL_URL": f"smtp://127.0.0.1:{smtp_server.port}",
        "DJANGO_CACHE_PREFIX": "portal",
        "DJANGO_STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    root = Path(settings.BASE_DIR)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=root,
        env=env,
        check=True,
    )
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    processes = [
        subprocess.Popen(
            [gunicorn, "cluster_portal.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            for _ in range(150):
                try:
                    fetch(port, "/healthz")
                    break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.1)
        yield PORTS
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


@pytest.fixture
def servers(server_ports, transactional_db, shared_cache):
    call_command("load_content", verbosity=0)
    return server_ports


def test_one_server_fills_the_cache_the_other_reads_it(servers):
    first, second = servers
    assert fetch(first, "/clusters/zinc/")[1] == "miss"
    assert fetch(second, "/clusters/zinc/")[1] == "hit"


def test_an_edit_shows_on_both_servers_in_both_languages(servers, cookie):
    first, second = servers
    for port in servers:
        for path in ("/clusters/zinc/", "/en/clusters/zinc/"):
            fetch(port, path, cookie)
    zinc = Cluster.objects.get(slug="zinc")
    zinc.name_fa, zinc.name_en = "خوشه روی و سرب", "Zinc and lead cluster"
    zinc.save()
    assert "<h1>خوشه روی و سرب</h1>" in fetch(second, "/clusters/zinc/", cookie)[0]
    assert "<h1>Zinc and lead cluster</h1>" in fetch(first, "/en/clusters/zinc/", cookie)[0]


def test_publish_and_unpublish_show_on_both_servers(servers, cookie):
    first, second = servers
    fetch(first, "/news/", cookie)
    post = Post.objects.create(
        title_fa="خبر دو سرور",
        slug="do-server",
        body_fa="<p>متن</p>",
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert "خبر دو سرور" in fetch(second, "/news/", cookie)[0]
    post.status = Post.Status.UNPUBLISHED
    post.save()
    assert "خبر دو سرور" not in fetch(first, "/news/", cookie)[0]
    assert "خبر دو سرور" not in fetch(second, "/news/", cookie)[0]


def test_a_scheduled_post_appears_on_both_servers_when_its_time_passes(servers, cookie):
    first, second = servers
    # Long enough for two first renders on a busy two-core machine, before the post is due.
    publish_at = timezone.now() + datetime.timedelta(seconds=10)
    Post.objects.create(
        title_fa="خبر زمان‌دار",
        slug="zamandar",
        body_fa="<p>متن</p>",
        status=Post.Status.PUBLISHED,
        publish_at=publish_at,
    )
    assert "خبر زمان‌دار" not in fetch(first, "/news/", cookie)[0]
    if cookie is None:
        assert fetch(second, "/news/")[1] == "hit"  # cached, but only until the publish time
    else:
        assert "خبر زمان‌دار" not in fetch(second, "/news/", cookie)[0]
    deadline = time.monotonic() + 30
    while timezone.now() < publish_at and time.monotonic() < deadline:
        time.sleep(0.25)
    assert "خبر زمان‌دار" in fetch(second, "/news/", cookie)[0]
    assert "خبر زمان‌دار" in fetch(first, "/news/", cookie)[0]


def post_form(port: int, path: str, data: dict) -> int:
    """Send a public form as a browser would: open its page first for the CSRF cookie and
    token (the feedback form, on every page, needs none), then post it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPCookieProcessor(jar))
    if path.endswith(("/contact/", "/alerts/")):
        with opener.open(f"http://127.0.0.1:{port}{path}", timeout=20) as page:
            html = page.read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = {**data, "csrfmiddlewaretoken": token}
    body = urllib.parse.urlencode(data, doseq=True).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_vote_an_inquiry_and_a_sign_up_leave_both_servers_pages_warm(servers, settings):
    # The forms' signed "served at" stamp is made with the servers' key.
    settings.SECRET_KEY = SERVER_SECRET_KEY
    first, second = servers
    pages = ("/", "/clusters/zinc/", "/news/", "/carpets/")
    for port in servers:
        for path in pages:
            fetch(port, path)
    assert post_form(first, "/feedback/", feedback_data()) == 302
    assert post_form(second, "/contact/", inquiry_data()) == 302
    assert post_form(first, "/alerts/", subscribe_data("reader@example.org")) == 302
    assert PageFeedback.objects.count() == Inquiry.objects.count() == Subscriber.objects.count()
    assert Inquiry.objects.count() == 1
    for port in servers:
        for path in pages:
            assert fetch(port, path)[1] == "hit", (port, path)


def test_static_files_are_hashed_compressed_and_cached_for_a_year(servers):
    first, _second = servers
    html, _cache = fetch(first, "/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    request = urllib.request.Request(
        f"http://127.0.0.1:{first}{stylesheet}", headers={"Accept-Encoding": "br, gzip"}
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        assert response.headers["Content-Encoding"] in {"br", "gzip"}
        max_age = int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 3600
