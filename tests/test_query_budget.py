"""Every public page and API endpoint runs the same few SQL queries at 10 and at 1,000 rows.

A page whose query count grows with the data (an N+1: one query per listed row) gets slow as
the portal grows for years, and no timed test notices it on a small test database.

A `sessionid` cookie bypasses the shared page cache, and each page is measured twice: its cold
render, as right after an edit, with every cache emptied (fragments, objects, values per content
version), and the render after it, which every later signed-in reader costs until the next
edit. Both must be the same at both sizes; the second at most 10 queries.

The pages come from the URL resolver, so a page added later fails
`test_every_public_url_has_a_budget` until it gets an entry here or a reasoned exclusion.
"""

from collections.abc import Callable
from dataclasses import dataclass

import jdatetime
import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from bench.data import Generated, generate, sized
from core.content_cache import local_values

# Marked so pytest-django creates the test database, which the module fixture fills itself.
pytestmark = pytest.mark.django_db

SIZES = (10, 1000)
MAX_QUERIES = 10
# The first render of a page after an edit also fills what every page shares for the new
# content version (the office, notices, scheduled posts) and the page's cached blocks: once per
# page and language after each edit. A cluster page shows ten kinds of things, one query each.
MAX_COLD_QUERIES = 22

# Public URL names that get no budget, each with the reason.
EXCLUDED = {
    "set_language": "POST-only language switch that redirects; it renders nothing",
    "news:post-preview": "staff-only preview; the public gets the same 404 as a typo",
    "outreach:inquiry-sent": "only shown to the visitor who just sent an inquiry (a session)",
    "outreach:feedback": "POST-only form handler that redirects back to the page",
    "directory:document-download": "streams one stored file: a single row lookup, no list",
    "media-access": "nginx's yes/no for one upload (cluster_portal/media.py): two row lookups",
}
# Namespaces outside the public site.
EXCLUDED_NAMESPACES = {"admin": "the staff admin, not a public page"}


@dataclass(frozen=True)
class Case:
    id: str
    url_name: str
    path: Callable[[Generated], str]


def page(id, url_name, path=None, **kwargs):
    """A case; without `path`, the reversed URL name with `kwargs` built from the data."""

    def build(data):
        if path is not None:
            return path(data)
        return reverse(url_name, kwargs={key: value(data) for key, value in kwargs.items()})

    return Case(id, url_name, build)


def fixed(url):
    return lambda _data: url


CASES = [
    # Site frame and crawlers.
    page("home", "home"),
    page("home-en", "home", fixed("/en/")),
    page("healthz", "healthz"),
    page("readyz", "readyz"),
    page("robots", "robots-txt"),
    page("favicon", "favicon"),
    page("apple-touch-icon", "apple-touch-icon"),
    page("web-manifest", "web-manifest"),
    page("sitemap", "sitemap"),
    # Clusters programme.
    page("about", "clusters:about"),
    page("legal-bases", "clusters:legal-bases"),
    page("legal-basis", "clusters:legal-basis-detail", number=lambda d: d.basis.number),
    page("clusters", "clusters:cluster-list"),
    page("clusters-page-2", "clusters:cluster-list", fixed("/clusters/?page=2")),
    page("compare", "clusters:cluster-compare"),
    page(
        "compare-filtered",
        "clusters:cluster-compare",
        fixed("/clusters/compare/?sector=manufacturing&phase=3"),
    ),
    page("rankings", "clusters:ranking-list"),
    page("ranking", "clusters:ranking-detail", pk=lambda d: d.ranking.pk),
    page("cluster", "clusters:cluster-detail", slug=lambda d: d.hub.slug),
    page("cluster-en", "clusters:cluster-detail", lambda d: f"/en/clusters/{d.hub.slug}/"),
    page("carpet-cluster", "clusters:cluster-detail", fixed("/clusters/handmade-carpet/")),
    # Carpet statistics and open data.
    page("carpets", "carpets:sector"),
    page("indicator", "carpets:indicator-detail", slug=lambda d: d.indicator.slug),
    page("data", "data:index"),
    page("download-csv", "data:download", fixed("/data/observations.csv")),
    page("download-filtered", "data:download", fixed("/data/observations.json?year_from=1403")),
    page("download-checks", "data:download", fixed("/data/checks.csv")),
    page("download-derived", "data:download", fixed("/data/derived-figures.json")),
    # News.
    page("news", "news:post-list"),
    page("news-category", "news:post-list", lambda d: f"/news/?category={d.category.slug}"),
    page("news-kind", "news:post-list", fixed("/news/?kind=event")),
    page("archive-year", "news:archive-year", year=lambda d: d.post_year),
    page(
        "archive-month",
        "news:archive-month",
        year=lambda d: d.post_year,
        month=lambda d: d.post_month,
    ),
    page("events", "news:events-upcoming"),
    page("events-past", "news:events-past"),
    page("post", "news:post-detail", pk=lambda d: d.post.pk, slug=lambda d: d.post.slug),
    page("post-en", "news:post-detail", lambda d: f"/en/news/{d.post.pk}/{d.post.slug}/"),
    page("event", "news:post-detail", pk=lambda d: d.event.pk, slug=lambda d: d.event.slug),
    page("event-ics", "news:event-calendar", pk=lambda d: d.event.pk),
    page("events-ics", "news:events-calendar"),
    page("feed-rss", "news:feed-rss"),
    page("feed-atom", "news:feed-atom"),
    page("category-rss", "news:category-feed-rss", category=lambda d: d.category.slug),
    page("category-atom", "news:category-feed-atom", category=lambda d: d.category.slug),
    # Directory.
    page("directory", "directory:organisation-list"),
    page(
        "directory-filtered",
        "directory:organisation-list",
        lambda d: f"/directory/?cluster={d.hub.slug}&kind=firm",
    ),
    page("organisation", "directory:organisation-detail", pk=lambda d: d.organisation.pk),
    page("documents", "directory:document-list"),
    page(
        "documents-filtered",
        "directory:document-list",
        lambda d: f"/documents/?cluster={d.hub.slug}&q=%D8%B3%D9%86%D8%AF",
    ),
    page("document", "directory:document-detail", pk=lambda d: d.document.pk),
    page("glossary", "directory:glossary"),
    page("faq", "directory:faq"),
    # Search and outreach.
    page("search-empty", "search:results"),
    page("search", "search:results", fixed("/search/?q=%D8%AE%D9%88%D8%B4%D9%87")),
    page("search-en", "search:results", fixed("/en/search/?q=cluster")),
    page("contact", "outreach:inquiry"),
    page("contact-cluster", "outreach:inquiry", lambda d: f"/contact/?cluster={d.hub.slug}"),
    page("alerts", "outreach:alerts"),
    page("privacy", "outreach:privacy"),
    page("alerts-check-email", "outreach:alerts-check-email"),
    page("alerts-confirm", "outreach:alerts-confirm", token=lambda d: "not-a-token"),
    page("alerts-confirmed", "outreach:alerts-confirmed"),
    page("unsubscribe", "outreach:unsubscribe", token=lambda d: "not-a-token"),
    # JSON API.
    page("api", "api:index"),
    page("api-openapi", "api:openapi"),
    page("api-clusters", "api:clusters"),
    page("api-clusters-filtered", "api:clusters", fixed("/api/v1/clusters/?sector=manufacturing")),
    page("api-clusters-page", "api:clusters", fixed("/api/v1/clusters/?page=2&page_size=5")),
    page("api-cluster", "api:cluster-detail", slug=lambda d: d.hub.slug),
    page("api-rankings", "api:rankings"),
    page("api-ranking-current", "api:ranking-current"),
    page("api-indicators", "api:indicators"),
    page(
        "api-indicators-filtered",
        "api:indicators",
        fixed("/api/v1/indicators/?cluster=handmade-carpet&page_size=100"),
    ),
    page("api-observations", "api:observations"),
    page(
        "api-observations-filtered",
        "api:observations",
        fixed("/api/v1/observations/?cluster=handmade-carpet&year_from=1403&page_size=100"),
    ),
    page("api-checks", "api:checks"),
    page("api-checks-filtered", "api:checks", fixed("/api/v1/checks/?year_from=1393")),
    page("api-news", "api:news"),
    page(
        "api-news-filtered", "api:news", lambda d: f"/api/v1/news/?cluster={d.hub.slug}&kind=news"
    ),
    page("api-news-detail", "api:news-detail", pk=lambda d: d.post.pk),
    page("api-not-found", "api:not-found", fixed("/api/v1/no-such-thing/")),
    page("api-changelog", "api:changelog"),
    page("api-ranking", "api:ranking-detail", pk=lambda d: d.ranking.pk),
    page("api-indicator", "api:indicator-detail", slug=lambda d: d.indicator.slug),
    page(
        "api-observation",
        "api:observation-detail",
        pk=lambda d: d.indicator.observations.order_by("pk").first().pk,
    ),
    page("api-sources", "api:sources"),
    page(
        "api-source",
        "api:source-detail",
        slug=lambda d: d.indicator.observations.order_by("pk").first().source.slug,
    ),
    page("api-news-since", "api:news", fixed("/api/v1/news/?updated_since=2000-01-01")),
    page("api-legacy", "api:legacy", fixed("/api/clusters/")),
    page("data-catalog", "data:catalog"),
    page("data-json", "data-json"),
]


def _url_names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            if inner in EXCLUDED_NAMESPACES:
                continue
            prefix = f"{namespace}{inner}:" if inner else namespace
            yield from _url_names(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}" if entry.name else str(entry.pattern)


def _forget_everything_cached():
    for cache in caches.all():
        cache.clear()
    local_values.clear()


def _measure(client, path) -> tuple[int, int, int]:
    """(status, queries of a cold render, queries of the next render).

    The cold render is the first request after an edit: no page, fragment, object or value is
    cached yet for the new content version. The next one is what every later signed-in reader
    costs until the next edit.
    """
    _forget_everything_cached()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(path)
    with CaptureQueriesContext(connection) as warm:
        client.get(path)
    return response.status_code, len(cold), len(warm)


def _measure_all(size) -> dict[str, tuple[int, int]]:
    _forget_everything_cached()
    call_command("load_content", verbosity=0)
    data = generate(**sized(size))
    published = jdatetime.datetime.fromgregorian(datetime=timezone.localtime(data.post.publish_at))
    data.post_year, data.post_month = published.year, published.month
    call_command("rebuild_search_index", verbosity=0)
    client = Client()
    # A session cookie bypasses the shared page cache: the page's own queries are counted.
    client.cookies["sessionid"] = "budget-test"
    return {case.id: _measure(client, case.path(data)) for case in CASES}


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """{size: {case id: (status, queries)}}; each data set is built once and rolled back."""
    results = {}
    with django_db_blocker.unblock():
        for size in SIZES:
            with transaction.atomic():
                results[size] = _measure_all(size)
                transaction.set_rollback(True)
    _forget_everything_cached()
    print("\n| page | status | cold at 10 | cold at 1,000 | then at 10 | then at 1,000 |")
    for case in CASES:
        small, large = (results[size][case.id] for size in SIZES)
        print(f"| {case.id} | {small[0]} | {small[1]} | {large[1]} | {small[2]} | {large[2]} |")
    return results


def test_every_public_url_has_a_budget():
    names = set(_url_names(get_resolver().url_patterns))
    covered = {case.url_name for case in CASES} | set(EXCLUDED)
    assert names - covered == set(), "give these pages a case in CASES or a reason in EXCLUDED"
    assert covered - names == set(), "these budget entries name URLs that no longer exist"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_queries_stay_within_budget_whatever_the_size(measured, case):
    small, large = (measured[size][case.id] for size in SIZES)
    expected_status = {"api-not-found": 404, "api-legacy": 308}.get(case.id, 200)
    assert small[0] == large[0] == expected_status
    # No N+1, even where a fragment hides it after the first render.
    assert small[1] == large[1], (
        f"{case.id} cold: {small[1]} queries at 10 rows, {large[1]} at 1,000"
    )
    assert small[2] == large[2], f"{case.id}: {small[2]} queries at 10 rows, {large[2]} at 1,000"
    assert large[2] <= MAX_QUERIES
    assert large[1] <= MAX_COLD_QUERIES
