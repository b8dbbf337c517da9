"""Numbers in the Persian admin's lists and read-only fields are printed in Persian digits.

The observation list printed "1393" and "66000٫00" beside Persian words; it reads "۱۳۹۳" and
"۶۶٬۰۰۰". What the editor types into (a list's editable order box) and what a link carries (a
row's id in its address) keep ASCII digits.
"""

import re
from html.parser import HTMLParser

from clusters.models import PriorityRanking
from tests.helpers import page_text
from tests.outreach.factories import make_inquiry, make_outgoing_mail

LATIN_DIGIT = re.compile(r"[0-9]")


class ResultTable(HTMLParser):
    """The change list's table as the editor reads it: its headings and each row's cells."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self.inputs: list[dict] = []
        self.links: list[str] = []
        self._in_table = False
        self._cell: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and attributes.get("id") == "result_list":
            self._in_table = True
        if not self._in_table:
            return
        if tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self.rows.append([])
        elif tag in {"th", "td"}:
            self._cell = []
        elif tag == "input":
            self.inputs.append(attributes)
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif tag == "thead":
            self._in_head = False
        elif tag in {"th", "td"} and self._in_table and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            (self.headings if self._in_head else self.rows[-1]).append(text)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def column(self, heading: str) -> list[str]:
        index = self.headings.index(heading)
        return [row[index] for row in self.rows]


def result_table(response) -> ResultTable:
    table = ResultTable()
    table.feed(page_text(response))
    return table


def test_observation_list_prints_years_and_figures_in_persian_digits(staff_client, content):
    table = result_table(staff_client.get("/admin/carpets/observation/?o=2"))
    years = table.column("سال (هجری شمسی)")
    assert years and set(years) == {"۱۳۹۳"}  # a year, never grouped as ۱٬۳۹۳
    values = table.column("مقدار")
    assert "۶۶٬۰۰۰" in values  # 66000.00 reported weavers
    assert not [value for value in values if LATIN_DIGIT.search(value)]
    # Each row still links to its own page by its id.
    assert any(
        re.fullmatch(r"/admin/carpets/observation/\d+/change/.*", link) for link in table.links
    )


def test_editable_order_boxes_keep_the_digits_the_editor_types(staff_client, content):
    table = result_table(staff_client.get("/admin/carpets/indicator/"))
    orders = [field["value"] for field in table.inputs if field.get("name", "").endswith("-order")]
    assert orders and all(value.isascii() and value.isdigit() for value in orders)


def test_a_count_of_the_admins_own_is_printed_in_persian_digits(staff_client, content):
    table = result_table(staff_client.get("/admin/clusters/priorityranking/"))
    assert table.column("خوشه‌ها") == ["۶"]


def test_read_only_ranks_and_attempts_are_printed_in_persian_digits(staff_client, content):
    ranking = PriorityRanking.objects.get(is_current=True)  # published: shown read-only
    html = page_text(staff_client.get(f"/admin/clusters/priorityranking/{ranking.pk}/change/"))
    assert re.search(r'<td class="field-rank_number">\s*<p>۱</p>', html)
    assert not re.search(r'<td class="field-rank\w*">\s*<p>1</p>', html)

    inquiry = make_inquiry()
    make_outgoing_mail(inquiry, status="failed", attempts=12)
    html = page_text(staff_client.get(f"/admin/outreach/inquiry/{inquiry.pk}/change/"))
    assert "<p>۱۲</p>" in html and "<p>12</p>" not in html


def test_titles_breadcrumbs_and_messages_name_a_row_in_persian_digits(staff_client, content):
    """A row's name in the admin's title, breadcrumbs, history and recent actions: a carpet
    figure read "دار قالی (1393)" and a question "ZC-1405-000001" on Persian pages, though the
    visitor was given the reference in Persian digits."""
    from carpets.models import Observation

    looms = Observation.objects.get(indicator__slug="looms", year=1393)
    html = page_text(staff_client.get(f"/admin/carpets/observation/{looms.pk}/change/"))
    title = html.split("<title>")[1].split("</title>")[0]
    assert "(۱۳۹۳)" in title and "1393" not in title

    inquiry = make_inquiry(reference="ZC-1405-000001")
    html = page_text(staff_client.get(f"/admin/outreach/inquiry/{inquiry.pk}/change/"))
    title = html.split("<title>")[1].split("</title>")[0]
    assert "ZC-۱۴۰۵-۰۰۰۰۰۱" in title and "1405" not in title
