"""No table of the admin heads two columns alike, as the editor reads them in the browser.

A published ranking edition showed its clusters' table with two columns headed «دلیل»: the
Persian and the English reason, read-only, whose " [fa]" and " [en]" modeltranslation's tab
script strips from every heading of a tabular inline (tabbed_translation_fields.js, for the
language's tab to say it). It hides the second language's column of a table with translation
inputs, which it turns into tabs; a read-only column gets no tab, and stays. The headings of
tables without translation inputs are read here after that same stripping.
"""

import re
from collections import Counter
from html.parser import HTMLParser

from django.contrib import admin

from cluster_portal.admin_pages import admin_page_list
from clusters.models import Cluster, PriorityRanking, RankedCluster
from tests.helpers import page_text

# What modeltranslation's script does to a tabular inline's heading.
LANGUAGE_SUFFIX = re.compile(r" \[.+\]")


TRANSLATION_INPUT = re.compile(r"\bmt-field-")


class TableHeadings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[list[str]] = []
        self.tabbed: set[int] = set()  # tables whose translation inputs become tabs
        self._open: list[int] = []
        self._heading: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
            self._open.append(len(self.tables) - 1)
        elif tag in {"input", "textarea", "select"} and self._open:
            if TRANSLATION_INPUT.search(dict(attrs).get("class") or ""):
                self.tabbed.add(self._open[-1])
        elif tag == "thead":
            self._in_head = True
        elif tag == "th" and self._in_head:
            self._heading = []

    def handle_endtag(self, tag):
        if tag == "table" and self._open:
            self._open.pop()
        elif tag == "thead":
            self._in_head = False
        elif tag == "th" and self._heading is not None:
            text = " ".join("".join(self._heading).split())
            self.tables[self._open[-1]].append(LANGUAGE_SUFFIX.sub("", text))
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)


def repeated_headings(html: str) -> list[list[str]]:
    parser = TableHeadings()
    parser.feed(html)
    repeated = []
    for index, table in enumerate(parser.tables):
        counts = Counter(heading for heading in table if heading)
        if index not in parser.tabbed and max(counts.values(), default=0) > 1:
            repeated.append([heading for heading, count in counts.items() if count > 1])
    return repeated


def test_no_admin_table_heads_two_columns_alike(staff_client, demo):
    # The demo's ranking is the current one: published, so its page is read-only.
    assert PriorityRanking.objects.get().is_current
    repeated = {}
    for page in admin_page_list(admin.site, with_history=False):
        if page.kind not in {"changelist", "change"}:
            continue
        found = repeated_headings(page_text(staff_client.get(page.url)))
        if found:
            repeated[page.url] = found
    assert not repeated


def test_a_published_editions_reasons_are_headed_by_language(staff_client, demo):
    ranking = PriorityRanking.objects.get()
    html = page_text(staff_client.get(f"/admin/clusters/priorityranking/{ranking.pk}/change/"))
    assert "دلیل (فارسی)" in html and "دلیل (انگلیسی)" in html


def test_a_large_editions_listed_reasons_are_headed_by_language(staff_client, db):
    clusters = Cluster.objects.bulk_create(
        Cluster(slug=f"c-{index}", name_fa=f"خوشه {index}", sector="manufacturing")
        for index in range(51)
    )
    ranking = PriorityRanking.objects.create(title_fa="ویرایش بزرگ", year=1404)
    RankedCluster.objects.bulk_create(
        RankedCluster(ranking=ranking, cluster=cluster, rank=rank)
        for rank, cluster in enumerate(clusters, start=1)
    )
    html = page_text(staff_client.get(f"/admin/clusters/priorityranking/{ranking.pk}/change/"))
    assert not repeated_headings(html)
    assert "دلیل (فارسی)" in html and "دلیل (انگلیسی)" in html
    # Its ranks, read-only in the list, in Persian digits too.
    assert ">۵۱</a></td>" in html and ">51</a>" not in html
