"""The observation list shows the reported figures that disagree, without recounting them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import generate, sized
from tests.helpers import page_text


def test_many_failed_checks_list_the_first_twenty_and_link_to_all(staff_client, content):
    generate(**sized(10))  # two sources disagreeing on 10 indicators over 3 years
    html = page_text(staff_client.get("/admin/carpets/observation/"))
    assert "رقم‌های گزارش‌شده‌ای که با هم نمی‌خوانند" in html
    start = html.index('role="alert"')
    summary = html[start : html.index("</ul>", start)]
    assert summary.count("<li>") == 20
    # Below the add/import/export buttons, which sat inside the box when it came first.
    assert html.index('class="object-tools"') < start
    assert 'href="/data/checks.csv"' in html


def _observation_reads(queries):
    """Queries reading observation rows (not counting them nor listing their years)."""
    return [q["sql"] for q in queries if q["sql"].startswith('SELECT "carpets_observation"."id"')]


def test_the_checks_are_worked_out_once_per_content_version(staff_client, content):
    generate(**sized(10))
    with CaptureQueriesContext(connection) as first:
        staff_client.get("/admin/carpets/observation/")
    with CaptureQueriesContext(connection) as again:
        staff_client.get("/admin/carpets/observation/")
    # The first view reads the rows it lists and every observation for the checks; the next
    # reads only the rows it lists, the checks coming from the cache of this content version.
    assert len(_observation_reads(first)) > 1
    assert len(_observation_reads(again)) == 1
