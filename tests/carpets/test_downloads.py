"""Dataset files a researcher opens: Excel-friendly CSV, XLSX and JSON, with provenance."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest

from carpets.models import Observation

CSV_URL = "/data/observations.csv"


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the file as UTF-8 only with the BOM
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_csv_has_every_figure_with_years_units_sources_and_licence(client, content):
    response = client.get(CSV_URL)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert len(rows) == 17  # 16 province figures and the national output
    looms = next(row for row in rows if row["indicator"] == "looms")
    assert looms["value"] == "23000"
    assert looms["unit_fa"] == "عدد"
    assert (looms["year_jalali"], looms["year_gregorian"]) == ("1393", "2014–2015")
    # 28 Aban 1393 is 19 November 2014.
    assert looms["source_published_on_jalali"] == "1393-08-28"
    assert looms["source_published_on_gregorian"] == "2014-11-19"
    assert looms["source_name_fa"].startswith("صفحه خوشه")
    assert looms["licence"] == "CC BY 4.0"
    assert looms["dataset_updated"]
    active = next(row for row in rows if row["indicator"] == "active-weavers")
    assert "۲۵۰۰۰ نفر در حال فعالیت" in active["reported_as_fa"]


def test_both_output_figures_are_in_the_file_with_their_scope(client, content):
    rows = csv_rows(client.get(CSV_URL))
    output = {row["scope"]: row["value"] for row in rows if row["indicator"] == "annual-production"}
    assert output == {"province": "350000", "national": "4500000"}


def test_the_xlsx_has_numbers_as_numbers_and_an_about_sheet(client, content):
    response = client.get("/data/observations.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    data = book["data"]
    header = [cell.value for cell in data[1]]
    rows = [
        dict(zip(header, [cell.value for cell in row], strict=True))
        for row in data.iter_rows(min_row=2)
    ]
    weavers = next(row for row in rows if row["indicator"] == "weavers")
    assert weavers["value"] == 66000 and weavers["is_estimate"] is True
    about = {row[0].value: row[1].value for row in book["about"].iter_rows()}
    assert about["licence"] == "CC BY 4.0"
    assert about["last_updated"]
    assert about["title_fa"]


def test_the_json_file_names_the_licence_and_update_time(client, content):
    payload = json.loads(client.get("/data/observations.json").content)
    assert payload["licence"]["name"] == "CC BY 4.0"
    assert payload["last_updated"]
    assert {row["value"] for row in payload["rows"] if row["indicator"] == "looms"} == {23000}


def test_the_checks_file_carries_both_contradictions(client, content):
    rows = csv_rows(client.get("/data/checks.csv"))
    failed = {row["check"]: row for row in rows if row["passed"] == "false"}
    assert set(failed) == {"national-share", "active-weavers"}
    assert (failed["national-share"]["reported"], failed["national-share"]["compared"]) == (
        "5",
        "7.8",
    )
    assert "exceed" in failed["active-weavers"]["finding_en"]


def test_a_download_can_be_filtered_like_the_api(client, content):
    rows = csv_rows(client.get(CSV_URL + "?scope=national"))
    assert [row["indicator"] for row in rows] == ["annual-production"]


@pytest.mark.parametrize(
    "query", ["?year_from=abc", "?scope=city", "?year=99999", "?year_from=1395&year_to=1390"]
)
def test_a_bad_filter_is_a_clear_400(client, content, query):
    response = client.get(CSV_URL + query)
    assert response.status_code == 400
    assert response.content.decode()


def test_unknown_dataset_or_format_is_404(client, content):
    assert client.get("/data/nothing.csv").status_code == 404
    assert client.get("/data/observations.pdf").status_code == 404


def test_a_download_answers_conditional_requests(client, content):
    first = client.get(CSV_URL)
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(CSV_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    observation = Observation.objects.get(indicator__slug="looms")
    observation.value = Decimal("23500")
    observation.save()
    changed = client.get(CSV_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_a_downloaded_csv_imports_back_unchanged(staff_client, content, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    body = staff_client.get(CSV_URL).content
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("observations.csv", body, "text/csv")
    response = staff_client.post(
        "/admin/carpets/observation/import/", {"import_file": upload, "format": "0"}
    )
    assert "confirm_form" in response.context
    assert Observation.objects.count() == 17


@pytest.mark.parametrize("url", ["/data/", "/en/data/"])
def test_the_open_data_page_lists_every_dataset_in_every_format(client, content, url):
    html = client.get(url).content.decode()
    for dataset in ("observations", "derived-figures", "checks"):
        for file_format in ("csv", "xlsx", "json"):
            assert (
                f'href="/data/{dataset}.{file_format}"' in html
                or f'href="/en/data/{dataset}.{file_format}"' in html
            )
    assert "CC BY 4.0" in html
    assert "/api/v1/openapi.json" in html
