import pytest

from tests.conftest import page_text

# Every carpet figure of the source document, as a Persian reader sees it.
PERSIAN_FIGURES = [
    "۶۶٬۰۰۰",
    "۲۳٬۰۰۰",
    "۱۸",
    "۱۰",
    "۶",
    "۸۰۰",
    "۲۳٬۶۰۰",
    "۲۵٬۰۰۰",
    "۳۵۰٬۰۰۰",
    "۴٬۵۰۰٬۰۰۰",
    "۶۰۰",
    "۵۰",
    "۸",
]


@pytest.mark.parametrize("figure", PERSIAN_FIGURES)
def test_every_figure_is_on_the_persian_carpet_page(client, content, figure):
    assert f">{figure}<" in page_text(client.get("/carpets/")).replace(' <span class="badge">', "<")


def test_the_page_shows_both_contradictions(client, content):
    html = page_text(client.get("/carpets/"))
    assert html.count("check-failed") == 2
    assert "۷٫۸" in html  # computed share
    assert "اتحادیه فرش روستایی" in html


def test_each_figure_names_its_year_and_source(client, content):
    html = page_text(client.get("/carpets/"))
    assert html.count("<td>۱۳۹۳</td>") == 17
    assert "شرکت شهرک" not in html or "صفحه خوشه" in html
    assert html.count("۲۸ آبان ۱۳۹۳") >= 17


def test_english_page_shows_figures_with_ascii_grouping(client, content):
    html = page_text(client.get("/en/carpets/"))
    for figure in ("66,000", "23,600", "25,000", "350,000", "4,500,000", "7.8"):
        assert figure in html
    assert "Inconsistent" in html
