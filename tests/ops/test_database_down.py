"""With the database gone the site says so in Persian (503) and comes back by itself.

The connection runs through a local TCP proxy that the test cuts; the machine's PostgreSQL keeps
running. Run with: DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal pytest tests/ops
"""

import pytest
from django.db import connection

from tests.conftest import page_text

from .tcp_proxy import TcpProxy

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal",
    ),
]


@pytest.fixture
def database_via_proxy(content):
    """Point Django's connection at a proxy in front of the test database."""
    original = dict(connection.settings_dict)
    proxy = TcpProxy(original["HOST"] or "127.0.0.1", int(original["PORT"] or 5432))
    proxy.open()
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port))
    yield proxy
    proxy.close()
    connection.close()
    connection.settings_dict.update(HOST=original["HOST"], PORT=original["PORT"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("url", "lang", "text"), [("/", "fa", "نگهداری"), ("/en/", "en", "maint")])
def test_database_down_then_back(client, database_via_proxy, url, lang, text):
    # A session cookie keeps the page cache out of it: this page must reach the database.
    client.cookies["sessionid"] = "no-such-session"
    assert client.get(url).status_code == 200

    database_via_proxy.close()
    for _ in range(2):  # the cut connection, then a refused new one
        down = client.get(url)
        assert down.status_code == 503
        html = page_text(down)
        assert f'<html lang="{lang}"' in html
        assert text in html
        assert "Traceback" not in html and "OperationalError" not in html
        assert down["Retry-After"]
        assert f'href="{url}"' in html  # back to the home page in the same language
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503

    database_via_proxy.open()
    assert client.get(url).status_code == 200
    assert client.get("/readyz").json() == {"database": "ok", "cache": "ok", "configuration": "ok"}


@pytest.mark.django_db(transaction=True)
def test_admin_with_the_database_down_is_503_not_500(staff_client, database_via_proxy, admin_url):
    database_via_proxy.close()
    response = staff_client.get(admin_url())
    assert response.status_code == 503
    database_via_proxy.open()
    assert staff_client.get(admin_url()).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_cached_page_is_still_served_while_the_database_is_down(client, database_via_proxy):
    assert client.get("/clusters/").status_code == 200  # fills the shared page cache
    database_via_proxy.close()
    response = client.get("/clusters/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert client.get("/about/legal-bases/").status_code == 503  # not cached: honest 503
    database_via_proxy.open()
