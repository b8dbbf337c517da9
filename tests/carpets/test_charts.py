"""SVG charts: honest with one year, correct with many, mirrored and in Persian digits on fa."""

import html
import re
from decimal import Decimal

import pytest

from carpets.models import Indicator, Observation, Source
from tests.helpers import page_text


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", html, flags=re.S)


def test_a_single_reported_year_is_drawn_as_one_point_and_says_so(client, content):
    [svg] = svgs(page_text(client.get("/carpets/looms/")))
    assert svg.count("<circle") == 1
    assert "<title" in svg and "<desc" in svg
    assert "فقط یک سال" in svg  # "only one year … a single point"
    assert "۲۳٬۰۰۰" in svg and "۱۳۹۳" in svg


@pytest.fixture
def ten_years(content):
    looms = Indicator.objects.get(slug="looms")
    source = Source.objects.get()
    Observation.objects.filter(indicator=looms).delete()
    for offset in range(10):
        Observation.objects.create(
            indicator=looms,
            year=1390 + offset,
            value=Decimal(20000 + 500 * offset),
            scope="province",
            source=source,
        )


def circle_xs(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]


def test_a_time_series_runs_right_to_left_on_persian_pages(client, ten_years):
    [svg] = svgs(page_text(client.get("/carpets/looms/")))
    xs = circle_xs(svg)  # in year order 1390 … 1399
    assert len(xs) == 10
    assert xs == sorted(xs, reverse=True)  # the earliest year is on the right
    assert "۱۳۹۰" in svg and "۱۳۹۹" in svg and "1390" not in svg
    assert 'direction="rtl"' in svg


def test_a_time_series_runs_left_to_right_on_english_pages(client, ten_years):
    [svg] = svgs(page_text(client.get("/en/carpets/looms/")))
    xs = circle_xs(svg)
    assert xs == sorted(xs)
    assert "1390" in svg and "24,500" in svg  # 20,000 + 9 × 500


def test_higher_values_are_drawn_higher(client, ten_years):
    [svg] = svgs(page_text(client.get("/en/carpets/looms/")))
    ys = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', svg)]
    assert ys == sorted(ys, reverse=True)  # SVG y grows downwards


def test_the_chart_data_is_also_a_table(client, ten_years):
    page = page_text(client.get("/en/carpets/looms/"))
    table = re.search(r'<table class="data chart-table">.*?</table>', page, flags=re.S).group(0)
    assert table.count("<tr>") == 11  # header + ten years


def test_charts_carry_no_inline_style_for_the_csp(client, content):
    for url in ("/carpets/", "/carpets/looms/", "/en/carpets/"):
        page = page_text(client.get(url))
        assert svgs(page)
        assert "style=" not in page
        # Only data for search engines (JSON-LD), never a script a browser runs.
        assert "<script" not in page.replace('<script type="application/ld+json">', "")


def test_the_sector_page_draws_both_contradictions(client, content):
    charts = svgs(page_text(client.get("/en/carpets/")))
    share = next(svg for svg in charts if "Province share of national carpet output" in svg)
    assert ">5%<" in share and ">7.8%<" in share
    people = next(svg for svg in charts if "People in the carpet sector" in svg)
    assert ">25,000<" in people and ">23,600<" in people and ">66,000<" in people
    # The active weavers' bar is longer than the card holders' one, as the reported numbers are.
    bars = re.findall(r'width="([\d.]+)" height="28" fill="[^"]+"><title>([^:]+):', people)
    lengths = {html.unescape(label): float(width) for width, label in bars}
    assert (
        lengths["Active weavers (as the source reports them)"]
        > lengths["Holders of a weaver's card"]
    )
