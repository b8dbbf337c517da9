"""HTTP as a client reading the RFCs expects it, on the API and the open data: CORS on every
answer, conditional GET by ETag and by date (page cache hit or not), a Last-Modified that moves
on every change, problem details, redirects, versions, limits and language headers."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from carpets.models import Observation
from news.models import Post

API_AND_DATA = [
    "/api/v1/clusters/",
    "/api/v1/observations/?indicator=looms",
    "/api/v1/news/",
    "/data/observations.csv",
    "/data/catalog.jsonld",
    "/data.json",
]


def _cors(response) -> None:
    assert response["Access-Control-Allow-Origin"] == "*"
    exposed = response["Access-Control-Expose-Headers"]
    for name in ("ETag", "Last-Modified", "Link", "RateLimit-Remaining", "Retry-After"):
        assert name in exposed


@pytest.mark.parametrize("url", API_AND_DATA)
def test_conditional_get_by_etag_and_by_date_on_a_cache_miss_and_a_hit(client, demo, url):
    first = client.get(url)
    assert first.status_code == 200
    _cors(first)
    # Whole seconds, as HTTP dates are: the exact date sent back is "not modified".
    stamp = first["Last-Modified"]
    for attempt in ("miss or store", "hit"):
        for method in (client.get, client.head):
            by_date = method(url, HTTP_IF_MODIFIED_SINCE=stamp)
            assert by_date.status_code == 304, (attempt, method)
            assert by_date.content == b""
            _cors(by_date)
            by_tag = method(url, HTTP_IF_NONE_MATCH=first["ETag"])
            assert by_tag.status_code == 304
            _cors(by_tag)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Fri, 01 Jan 2100 00:00:00 GMT").status_code == (
        304
    )
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == (
        200
    )


def _stamp(client) -> datetime.datetime:
    response = client.get("/api/v1/news/")
    return datetime.datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")


def test_last_modified_moves_on_delete_unpublish_and_scheduled_publish(client, demo):
    before = _stamp(client)
    old = client.get("/api/v1/news/")["Last-Modified"]

    Post.objects.published().first().delete()
    after_delete = _stamp(client)
    assert after_delete > before
    # The client's copy is stale: the date it holds no longer gets a 304.
    assert client.get("/api/v1/news/", HTTP_IF_MODIFIED_SINCE=old).status_code == 200

    post = Post.objects.published().first()
    post.status = Post.Status.DRAFT
    post.save()
    after_unpublish = _stamp(client)
    assert after_unpublish > after_delete

    publish_at = timezone.now() + datetime.timedelta(hours=2)
    Post.objects.create(
        title_fa="خبر آینده",
        slug="ayande",
        body_fa="متن",
        status=Post.Status.PUBLISHED,
        publish_at=publish_at,
    )
    scheduled = _stamp(client)
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1), tick=False):
        live = client.get("/api/v1/news/")
        assert (
            datetime.datetime.strptime(live["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")
            > scheduled
        )
        assert "ayande" in live.content.decode()


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/no-such-thing/", 404),
        ("/api/v1/clusters/?sector=null", 400),
        ("/api/v1/observations/?year=1393&year_from=1390", 400),
        ("/api/v1/rankings/?page=2&page_size=100", 404),
        ("/api/v1/clusters/?page=99", 404),
        ("/api/v1/indicators/?page=99", 404),
        ("/api/v1/news/?page=99", 404),
        ("/api/v1/sources/?page=99", 404),
        ("/api/v1/observations/?page=99", 404),
        ("/api/v1/clusters/?sector=%FF", 400),
        ("/api/v1/clusters/%00/", 400),
        ("/data/observations.csv?year=abc", 400),
    ],
)
def test_errors_are_problem_details_in_both_languages_with_cors(client, content, url, status):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    _cors(response)
    body = response.json()
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title_en"] and body["title_fa"] != body["title_en"]
    assert body["detail_fa"] and body["detail_en"]
    assert "Content-Language" not in response
    assert response["Cache-Control"] == "no-store"


def test_a_preflight_gets_204_with_cors_and_other_methods_a_405_problem(client, content):
    preflight = client.options(
        "/api/v1/clusters/",
        HTTP_ORIGIN="https://news.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    _cors(preflight)
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert preflight["Access-Control-Allow-Headers"] == "if-none-match"
    plain = client.options("/api/v1/clusters/")
    assert plain.status_code == 204 and "OPTIONS" in plain["Allow"]
    response = client.delete("/api/v1/clusters/")
    assert response.status_code == 405
    _cors(response)


def test_a_failed_if_match_is_a_412_problem_never_cached(client, content):
    response = client.get("/api/v1/clusters/", HTTP_IF_MATCH='"not-the-tag"')
    assert response.status_code == 412
    assert response["Content-Type"] == "application/problem+json"
    assert "public" not in response["Cache-Control"]
    _cors(response)


def test_a_missing_slash_and_the_unversioned_paths_redirect(client, content):
    response = client.get("/api/v1/clusters?sector=mining")
    assert response.status_code == 308
    assert response["Location"] == "/api/v1/clusters/?sector=mining"
    _cors(response)
    legacy = client.get("/api/clusters?sector=mining")
    assert legacy.status_code == 308
    assert legacy["Location"] == "/api/v1/clusters/?sector=mining"
    assert legacy["Deprecation"].startswith("@") and legacy["Sunset"].endswith("GMT")
    assert 'rel="deprecation"' in legacy["Link"]
    assert client.get("/api/openapi.json")["Location"] == "/api/v1/openapi.json"
    assert client.get("/api/v1")["Location"] == "/api/v1/"


def test_the_changelog_is_served_and_linked(client, content):
    index = client.get("/api/v1/").json()
    response = client.get(index["changelog"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert "Change policy" in response.content.decode()


def test_no_language_headers_on_bilingual_bodies(client, content):
    for url in ("/api/v1/clusters/", "/data.json", "/data/catalog.jsonld"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert "Content-Language" not in response, url
        assert "accept-language" not in response.get("Vary", "").lower(), url


def test_the_page_cache_keeps_each_hosts_absolute_links(client, content):
    one = client.get("/api/v1/clusters/?page_size=1", HTTP_HOST="localhost").json()
    two = client.get("/api/v1/clusters/?page_size=1", HTTP_HOST="127.0.0.1").json()
    assert one["next"].startswith("http://localhost/")
    assert two["next"].startswith("http://127.0.0.1/")


def test_pages_carry_link_headers(client, content):
    response = client.get("/api/v1/clusters/", {"page": 2, "page_size": 2})
    links = response["Link"]
    for rel in ("first", "prev", "next", "last"):
        assert f'rel="{rel}"' in links
    assert "page=3" in links.split('rel="next"')[0].rsplit("<", 1)[1]


def test_harvesting_by_updated_since_and_detail_routes(client, demo):
    everything = client.get("/api/v1/observations/", {"page_size": 100}).json()
    assert everything["count"] > 1
    row = everything["results"][0]
    assert client.get(row["api_url"]).json()["id"] == row["id"]
    assert client.get(row["source_api_url"]).json()["slug"] == row["source"]
    future = (timezone.now() + datetime.timedelta(minutes=5)).isoformat()
    assert client.get("/api/v1/observations/", {"updated_since": future}).json()["count"] == 0
    Observation.objects.filter(pk=row["id"]).update(
        updated_at=timezone.now() + datetime.timedelta(minutes=10)
    )
    from core.content_cache import invalidate

    invalidate()
    changed = client.get("/api/v1/observations/", {"updated_since": future}).json()
    assert [item["id"] for item in changed["results"]] == [row["id"]]
    for listing in ("clusters", "indicators", "rankings", "sources", "news"):
        item = client.get(f"/api/v1/{listing}/").json()["results"][0]
        assert item["updated_at"] and client.get(item["api_url"]).status_code == 200


def test_the_rate_limit_is_published_and_enforced(client, content, settings):
    settings.PORTAL_API_RATE_LIMIT = {"requests": 3, "window_seconds": 60}
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 0, 5, tzinfo=datetime.UTC)):
        remaining = [client.get("/api/v1/clusters/")["RateLimit-Remaining"] for _ in range(3)]
        assert remaining == ["2", "1", "0"]
        refused = client.get("/api/v1/clusters/")
        assert refused.status_code == 429
        assert refused["Content-Type"] == "application/problem+json"
        assert refused["Retry-After"] == "55"
        assert refused["RateLimit-Limit"] == "3"
        _cors(refused)
        # Another client has its own allowance.
        assert client.get("/api/v1/clusters/", REMOTE_ADDR="10.0.0.9").status_code == 200
        # The site's pages are not counted.
        assert client.get("/data/").status_code == 200
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 1, 1, tzinfo=datetime.UTC)):
        assert client.get("/api/v1/clusters/").status_code == 200


def test_http_dates_have_whole_seconds(client, content):
    response = client.get("/api/v1/clusters/")
    assert response["Last-Modified"] == http_date(
        datetime.datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")
        .replace(tzinfo=datetime.UTC)
        .timestamp()
    )


def test_a_server_error_is_a_problem_with_cors_too(client, content, monkeypatch):
    def broken(*_args):
        raise RuntimeError("a bug")

    # A bug in a serializer, as a bad deploy would bring.
    monkeypatch.setattr("cluster_portal.api.serializers.source", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/sources/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title_fa"] == "خطای درونی کارگزار"
    _cors(response)
