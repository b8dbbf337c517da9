"""A figure and its warnings travel together: wherever the 5% share or the 25,000 active weavers
appear (pages, charts, API, files), they are marked as disputed and lead to the failed check."""

import csv
import io
import json
import re

import openpyxl
import pytest

from carpets.models import Observation
from tests.helpers import page_text

ACTIVE = "/carpets/#check-active-weavers-1393"
SHARE = "/carpets/#check-national-share-1393"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _card_of(html: str, value: str) -> str:
    """The figure card whose value starts with `value`."""
    for card in html.split('<div class="figure-card')[1:]:
        figure_value = card.split('class="figure-value">')[1].split("</p>")[0]
        if _text(figure_value).startswith(value + " "):
            return card
    raise AssertionError(f"no figure card for {value}")


@pytest.mark.parametrize(
    ("url", "active", "share", "mark"),
    [
        ("/clusters/handmade-carpet/", "۲۵٬۰۰۰", "۵", "محل تردید"),
        ("/en/clusters/handmade-carpet/", "25,000", "5", "disputed"),
    ],
)
def test_the_cluster_page_marks_the_disputed_figures(client, content, url, active, share, mark):
    html = page_text(client.get(url))
    prefix = "/en" if url.startswith("/en/") else ""
    active_card = _card_of(html, active)
    assert mark in _text(active_card) and f'href="{prefix}{ACTIVE}"' in active_card
    share_card = _card_of(html, share)
    assert mark in _text(share_card) and f'href="{prefix}{SHARE}"' in share_card
    # A figure no check questions carries no mark.
    weavers = _card_of(html, "۶۶٬۰۰۰" if not prefix else "66,000")
    assert mark not in _text(weavers)


def test_the_check_a_mark_links_to_is_on_the_statistics_page(client, content):
    html = page_text(client.get("/en/carpets/"))
    assert 'id="check-active-weavers-1393"' in html
    assert 'id="check-national-share-1393"' in html


def test_the_indicator_page_marks_its_table_and_its_chart(client, content):
    html = page_text(client.get("/en/carpets/active-weavers/"))
    chart = html.split('<figure class="chart"')[1].split("</figure>")[0]
    assert "Disputed by a consistency check" in _text(chart) and ACTIVE in chart
    table = html.split('<table class="data">')[1].split("</table>")[0]
    assert "disputed" in _text(table) and ACTIVE in table


def test_the_api_names_the_failing_checks(client, content):
    payload = client.get("/api/v1/observations/?scope=province&year=1393").json()
    by_indicator = {row["indicator"]: row for row in payload["results"]}
    assert by_indicator["active-weavers"]["failing_checks"] == "active-weavers"
    assert by_indicator["national-share"]["failing_checks"] == "national-share"
    assert by_indicator["weavers"]["failing_checks"] == ""
    schema = client.get("/api/v1/openapi.json").json()
    assert "failing_checks" in schema["components"]["schemas"]["Observation"]["properties"]


def test_a_filtered_file_still_names_the_check(client, content):
    """Filtering out the figure a check compares with does not hide the warning."""
    body = client.get("/data/observations.csv?indicator=active-weavers").content.decode("utf-8-sig")
    (row,) = [row for row in csv.DictReader(io.StringIO(body)) if row["scope"] == "province"]
    assert row["failing_checks"] == "active-weavers"


def test_xlsx_and_json_carry_the_column(client, content):
    book = openpyxl.load_workbook(io.BytesIO(client.get("/data/observations.xlsx").content))
    rows = list(book["data"].iter_rows(values_only=True))
    header = rows[0]
    failing = {row[0]: row[header.index("failing_checks")] for row in rows[1:]}
    assert failing["active-weavers"] == "active-weavers"
    payload = json.loads(client.get("/data/observations.json").content)
    flagged = {row["indicator"] for row in payload["rows"] if row["failing_checks"]}
    assert flagged == {"active-weavers", "national-share"}


def test_correcting_the_figure_removes_the_mark(client, content):
    observation = Observation.objects.get(indicator__slug="active-weavers", scope="province")
    observation.value = 23000
    observation.save()
    html = page_text(client.get("/en/clusters/handmade-carpet/"))
    assert ACTIVE not in html and SHARE in html


def test_checks_of_the_years_shown_are_those_of_the_whole_table(content):
    """Pages check only the years they show (a cluster page after an edit checks its latest
    year, not forty): every figure must carry exactly the warnings the whole table gives it."""
    from carpets.checks import failing_checks_by_observation

    def keys(questioned):
        return {pk: sorted(check.key for check in checks) for pk, checks in questioned.items()}

    whole = keys(failing_checks_by_observation())
    assert whole, "the demo content has failed checks"
    years = set(Observation.objects.values_list("year", flat=True))
    by_year = {}
    for year in years:
        by_year.update(keys(failing_checks_by_observation(years=[year])))
    assert by_year == whole
