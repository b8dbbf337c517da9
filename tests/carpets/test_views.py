import pytest

from tests.helpers import page_text

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
    table = html.split('class="full-table"')[1].split("</table>", 1)[0]
    assert table.count("<td>۱۳۹۳</td>") == 17
    # Every row refers to its source, which the notes name once with its date (28 Aban 1393).
    assert table.count('<a href="#note-1">۱</a>') == 17
    notes = html.split('id="notes-title"')[1].split("</ol>")[0]
    assert notes.count("صفحه خوشه\u200cهای صنعتی استان زنجان") == 1
    assert notes.count("۲۸ آبان ۱۳۹۳") == 1
    # And every figure of the grouped lists carries the note's number.
    figures = html.split('class="figure-groups"')[1].split('id="checks-title"')[0]
    assert figures.count('href="#note-1"') == 17


def test_english_page_shows_figures_with_ascii_grouping(client, content):
    html = page_text(client.get("/en/carpets/"))
    for figure in ("66,000", "23,600", "25,000", "350,000", "4,500,000", "7.8"):
        assert figure in html
    assert "Inconsistent" in html


def test_each_figure_shows_its_method_note_and_gregorian_years(client, content):
    html = page_text(client.get("/en/carpets/"))
    assert html.split('class="full-table"')[1].count("<td>2014–2015</td>") == 17
    # The province output's method note, among the notes.
    assert "by rough estimates" in html.split('id="notes-title"')[1]


def test_the_page_shows_the_computed_figures_with_their_formula(client, content):
    html = page_text(client.get("/en/carpets/"))
    assert "province annual output ÷ national annual output × 100" in html
    assert "350,000 ÷ 4,500,000" in html


def test_the_page_states_each_contradiction_in_plain_words(client, content):
    html = page_text(client.get("/en/carpets/"))
    assert (
        "The source reports 5%, but its own output figures "
        "(350,000 of 4,500,000 m² a year) give 7.8%." in html
    )
    assert "exceed" in html and "1,400 persons" in html


def test_the_page_links_to_the_open_data(client, content):
    assert 'href="/data/"' in page_text(client.get("/carpets/"))


def test_an_unknown_indicator_is_a_404(client, content):
    assert client.get("/carpets/no-such-indicator/").status_code == 404


def test_the_persian_finding_uses_persian_digits_and_percent_sign(client, content):
    html = page_text(client.get("/carpets/"))
    assert "منبع ۵٪ گزارش کرده است" in html and "۷٫۸٪ به دست می‌دهند" in html


def test_home_shows_the_latest_year_of_a_key_figure(client, content):
    from decimal import Decimal

    from carpets.models import Observation

    looms = Observation.objects.get(indicator__slug="looms")
    Observation.objects.create(
        indicator=looms.indicator,
        year=1394,
        value=Decimal("24500"),
        scope=looms.scope,
        source=looms.source,
    )
    html = page_text(client.get("/"))
    assert "۲۴٬۵۰۰" in html and "۲۳٬۰۰۰" not in html


def add_looms_figure(year, value, scope="province"):
    """Another reported number of looms, from the same source as the source document's."""
    from decimal import Decimal

    from carpets.models import Observation

    looms = Observation.objects.get(indicator__slug="looms", year=1393)
    Observation.objects.create(
        indicator=looms.indicator, year=year, value=Decimal(value), scope=scope, source=looms.source
    )


def test_cluster_page_shows_the_latest_province_figure_only(client, content):
    add_looms_figure(1394, "24500")
    add_looms_figure(1395, "900000", scope="national")
    html = page_text(client.get("/clusters/handmade-carpet/"))
    assert "۲۴٬۵۰۰" in html
    assert "۲۳٬۰۰۰" not in html and "۹۰۰٬۰۰۰" not in html


def test_a_newer_national_figure_leaves_the_home_page_on_the_province_one(client, content):
    add_looms_figure(1395, "900000", scope="national")
    html = page_text(client.get("/"))
    assert "۲۳٬۰۰۰" in html and "۹۰۰٬۰۰۰" not in html
