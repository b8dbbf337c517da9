"""What a developer relies on beyond the schema: the numbers, filters, caching and language."""

from decimal import Decimal
from zoneinfo import ZoneInfo

import jdatetime
import pytest

from carpets.models import Indicator, Observation, Source
from clusters.models import PriorityRanking
from news.models import Post


def test_observations_carry_the_source_figures_and_provenance(client, content):
    body = client.get("/api/v1/observations/", {"indicator": "annual-production"}).json()
    values = {row["scope"]: row["value"] for row in body["results"]}
    assert values == {"province": 350000, "national": 4500000}
    province = next(row for row in body["results"] if row["scope"] == "province")
    assert province["is_estimate"] is True
    assert province["source_published_on_jalali"] == "1393-08-28"
    assert province["method_note_en"]


def test_the_checks_endpoint_reports_both_contradictions(client, content):
    body = client.get("/api/v1/checks/").json()
    failed = {check["check"]: check for check in body["checks"] if not check["passed"]}
    assert set(failed) == {"national-share", "active-weavers"}
    assert (failed["national-share"]["reported"], failed["national-share"]["compared"]) == (5, 7.8)
    assert (failed["active-weavers"]["reported"], failed["active-weavers"]["compared"]) == (
        25000,
        23600,
    )
    derived = {figure["figure"]: figure["value"] for figure in body["derived_figures"]}
    assert derived["national-share"] == 7.8


@pytest.fixture
def many_years(content):
    looms = Indicator.objects.get(slug="looms")
    source = Source.objects.get()
    for year in range(1394, 1400):
        Observation.objects.create(
            indicator=looms, year=year, value=Decimal(year), scope="province", source=source
        )


def test_year_range_filter_and_pagination(client, many_years):
    first = client.get(
        "/api/v1/observations/", {"indicator": "looms", "year_from": 1395, "page_size": 2}
    ).json()
    assert first["count"] == 5  # 1395 … 1399
    assert [row["year_jalali"] for row in first["results"]] == [1395, 1396]
    second = client.get(first["next"]).json()
    assert [row["year_jalali"] for row in second["results"]] == [1397, 1398]
    assert second["previous"]


def test_persian_digits_are_accepted_in_year_filters(client, many_years):
    body = client.get("/api/v1/observations/", {"indicator": "looms", "year": "۱۳۹۶"}).json()
    assert [row["year_jalali"] for row in body["results"]] == [1396]


def test_clusters_come_with_their_current_rank(client, content):
    body = client.get("/api/v1/clusters/", {"page_size": 100}).json()
    ranks = {row["slug"]: row["rank"] for row in body["results"]}
    assert ranks["zinc"] == 1 and ranks["handmade-carpet"] == 2 and ranks["dairy"] == 6


def test_the_current_ranking_lists_the_six_clusters_in_order(client, content):
    entries = client.get("/api/v1/rankings/current/").json()["entries"]
    assert [entry["rank"] for entry in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0]["cluster"] == "zinc"


def test_a_rankings_approval_date_is_given_in_both_calendars_or_as_nulls(client, content):
    ranking = PriorityRanking.objects.get(is_current=True)
    ranking.approved_on = jdatetime.date(1393, 8, 28)
    ranking.save()
    assert client.get("/api/v1/rankings/current/").json()["approved_on"] == {
        "gregorian": "2014-11-19",
        "jalali": "1393-08-28",
    }
    ranking.approved_on = None
    ranking.save()
    assert client.get("/api/v1/rankings/current/").json()["approved_on"] == {
        "gregorian": None,
        "jalali": None,
    }


def test_only_published_news_is_served(client, demo):
    draft = Post.objects.create(
        title_fa="پیش‌نویس", body_fa="متن", slug="draft", status=Post.Status.DRAFT
    )
    ids = {row["id"] for row in client.get("/api/v1/news/", {"page_size": 100}).json()["results"]}
    assert draft.pk not in ids
    assert ids == set(Post.objects.published().values_list("pk", flat=True))
    assert client.get(f"/api/v1/news/{draft.pk}/").status_code == 404


def test_news_dates_are_iso_gregorian_with_the_jalali_beside(client, demo):
    post = Post.objects.published().first()
    # Aware, as Django expects; Tehran was at +03:30 that November.
    post.publish_at = jdatetime.datetime(1393, 8, 28, 10, 30, tzinfo=ZoneInfo("Asia/Tehran"))
    post.save()
    row = client.get(f"/api/v1/news/{post.pk}/").json()
    assert row["publish_at"] == "2014-11-19T10:30:00+03:30"
    assert row["publish_at_jalali"] == "1393-08-28T10:30"


def test_responses_are_cacheable_and_answer_conditional_requests(client, content):
    response = client.get("/api/v1/observations/")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Last-Modified"]
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get("/api/v1/observations/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    looms = Observation.objects.get(indicator__slug="looms")
    looms.value = Decimal("1")
    looms.save()
    assert (
        client.get("/api/v1/observations/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    )


def test_writes_are_refused(client, content):
    response = client.post("/api/v1/observations/", {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Content-Type"] == "application/problem+json"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_api_is_language_neutral(client, content):
    persian = client.get("/api/v1/indicators/", HTTP_ACCEPT_LANGUAGE="fa").json()
    english = client.get("/api/v1/indicators/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert persian == english
    looms = next(row for row in english["results"] if row["slug"] == "looms")
    assert (looms["name_fa"], looms["name_en"]) == ("دار قالی", "Carpet looms")


def test_a_post_body_written_past_the_sanitiser_is_cleaned_in_the_api(client, demo):
    from news.models import Post

    post = Post.objects.published().first()
    # A raw update skips model cleaning, as a bulk tool or a SQL fix would.
    Post.objects.filter(pk=post.pk).update(
        body_fa='<p>متن</p><script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    from core.content_cache import invalidate

    invalidate()
    body = client.get(f"/api/v1/news/{post.pk}/").json()["body_fa"]
    assert "<p>متن</p>" in body
    assert "<script" not in body and "onerror" not in body


def test_news_narrowed_by_cluster_and_kind(client, content):
    from clusters.models import Cluster

    def published(title, kind, cluster):
        post = Post.objects.create(
            title_fa=title, body_fa="متن", slug=title, kind=kind, status=Post.Status.PUBLISHED
        )
        post.clusters.set([Cluster.objects.get(slug=cluster)])
        return post.pk

    zinc_news = published("zinc-news", Post.Kind.NEWS, "zinc")
    zinc_notice = published("zinc-notice", Post.Kind.ANNOUNCEMENT, "zinc")
    knife_news = published("knife-news", Post.Kind.NEWS, "knife")

    def ids(**filters):
        return {row["id"] for row in client.get("/api/v1/news/", filters).json()["results"]}

    assert ids(cluster="zinc") == {zinc_news, zinc_notice}
    assert ids(kind="news") == {zinc_news, knife_news}
    assert ids(cluster="zinc", kind="announcement") == {zinc_notice}
    # A typo in a slug is named, not answered with an empty list.
    response = client.get("/api/v1/news/", {"cluster": "no-such-cluster"})
    assert response.status_code == 404 and response.json()["parameter"] == "cluster"


def test_updated_at_is_a_gregorian_rfc_3339_time_on_every_kind_of_item(client, demo):
    import re

    stamp = re.compile(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+0[34]:30")
    for listing in ("clusters", "indicators", "rankings", "sources", "news", "observations"):
        item = client.get(f"/api/v1/{listing}/").json()["results"][0]
        assert stamp.fullmatch(item["updated_at"]), (listing, item["updated_at"])
