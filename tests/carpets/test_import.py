"""Importing observations in the admin: preview first, Persian errors, nothing half-written."""

import io
from decimal import Decimal

import jdatetime
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from carpets.models import Observation, Source

IMPORT_URL = "/admin/carpets/observation/import/"
CONFIRM_URL = "/admin/carpets/observation/process_import/"
HEADER = [
    "indicator",
    "scope",
    "year_jalali",
    "value",
    "source",
    "is_estimate",
    "recorded_on_jalali",
    "reported_as_fa",
    "method_note_fa",
]
CSV_FORMAT, XLSX_FORMAT = "0", "1"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def second_source(content):
    return Source.objects.create(
        slug="carpet-centre-1394",
        name_fa="مرکز ملی فرش ایران",
        publisher_fa="مرکز ملی فرش ایران",
        published_on=jdatetime.date(1394, 2, 10),
    )


def csv_file(rows, name="figures.csv"):
    lines = [",".join(HEADER)] + [",".join(row) for row in rows]
    return SimpleUploadedFile(name, ("\ufeff" + "\n".join(lines)).encode("utf-8"), "text/csv")


def xlsx_file(rows, name="figures.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


def preview(client, upload, file_format):
    return client.post(IMPORT_URL, {"import_file": upload, "format": file_format})


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(CONFIRM_URL, {name: form[name].value() for name in form.fields})


# Persian digits, a Persian thousands separator, Jalali dates written with slashes.
GOOD_ROWS = [
    ["looms", "province", "۱۳۹۴", "۲۴٬۵۰۰", "carpet-centre-1394", "بله", "۱۳۹۴/۰۲/۱۰", "", ""],
    ["weavers", "استان زنجان", "١٣٩٤", "٦٨000", "carpet-centre-1394", "خیر", "1394-2-10", "", ""],
]


def test_a_csv_is_previewed_and_written_only_on_confirm(staff_client, second_source):
    before = Observation.objects.count()
    response = preview(staff_client, csv_file(GOOD_ROWS), CSV_FORMAT)
    assert response.status_code == 200
    assert "confirm_form" in response.context
    assert Observation.objects.count() == before  # the preview wrote nothing

    confirm(staff_client, response)
    looms = Observation.objects.get(indicator__slug="looms", source=second_source)
    assert looms.value == Decimal("24500")
    assert looms.year == 1394
    assert looms.is_estimate
    # P8: the Jalali date is stored as the same Jalali day, not as Gregorian year 1394.
    assert looms.recorded_on == jdatetime.date(1394, 2, 10)
    assert looms.recorded_on.togregorian().isoformat() == "2015-04-30"
    weavers = Observation.objects.get(indicator__slug="weavers", source=second_source)
    assert (weavers.value, weavers.scope, weavers.is_estimate) == (
        Decimal("68000"),
        "province",
        False,
    )


def test_a_second_source_sits_beside_the_first_not_over_it(staff_client, second_source):
    row = ["looms", "province", "1393", "22000", "carpet-centre-1394", "0", "", "", ""]
    confirm(staff_client, preview(staff_client, csv_file([row]), CSV_FORMAT))
    looms = Observation.objects.filter(indicator__slug="looms", year=1393).order_by("value")
    assert [obs.value for obs in looms] == [Decimal("22000"), Decimal("23000")]


def test_an_xlsx_with_typed_cells_imports(staff_client, second_source):
    rows = [["looms", "national", 1394, 1200000, "carpet-centre-1394", False, None, "", "شمارش"]]
    confirm(staff_client, preview(staff_client, xlsx_file(rows), XLSX_FORMAT))
    national = Observation.objects.get(indicator__slug="looms", scope="national")
    assert national.value == Decimal("1200000")
    assert national.method_note_fa == "شمارش"


BAD_ROWS = [
    (["looms", "province", "۱۳۹۴", "بیست", "carpet-centre-1394", "0", "", "", ""], "عدد نیست"),
    (["looms", "province", "1394", "5", "no-such-source", "0", "", "", ""], "no-such-source"),
    (["looms", "city", "1394", "5", "carpet-centre-1394", "0", "", "", ""], "city"),
    (["looms", "province", "1394", "5", "carpet-centre-1394", "0", "1394/13/40", "", ""], "جلالی"),
    (["looms", "province", "1394", "-5", "carpet-centre-1394", "0", "", "", ""], "منفی"),
    (["looms", "province", "2015", "5", "carpet-centre-1394", "0", "", "", ""], "۱۳۰۰"),
]


@pytest.mark.parametrize(("bad_row", "persian_message"), BAD_ROWS)
def test_a_file_with_one_bad_row_writes_nothing_and_says_why_in_persian(
    staff_client, second_source, bad_row, persian_message
):
    before = Observation.objects.count()
    response = preview(staff_client, csv_file([GOOD_ROWS[0], bad_row]), CSV_FORMAT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert persian_message in html
    assert Observation.objects.count() == before


def test_a_bad_row_in_an_xlsx_writes_nothing(staff_client, second_source):
    rows = [
        ["looms", "province", 1394, 24500, "carpet-centre-1394", True, None, "", ""],
        ["nonexistent", "province", 1394, 1, "carpet-centre-1394", True, None, "", ""],
    ]
    before = Observation.objects.count()
    response = preview(staff_client, xlsx_file(rows), XLSX_FORMAT)
    assert "nonexistent" in response.content.decode()
    assert "confirm_form" not in response.context
    assert Observation.objects.count() == before


def test_the_admin_lists_every_failed_check_above_the_observations(staff_client, content):
    html = staff_client.get("/admin/carpets/observation/").content.decode()
    assert "۲ بررسی سازگاری" in html
    assert "سهم استان از تولید فرش کشور" in html
    assert "۲۵٬۰۰۰" in html and "۲۳٬۶۰۰" in html
