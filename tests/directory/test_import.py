"""Importing the directory from real CSV and XLSX files, through the service and the admin."""

import io
import re

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from directory.models import Organisation
from directory.services import organisations_import
from tests.helpers import page_text

HEADER = [
    "cluster",
    "kind",
    "county",
    "name_fa",
    "name_en",
    "description_fa",
    "publish_contact",
    "phone",
    "email",
    "website",
]
# Test rows, named as such: the seed content never invents an organisation.
KNIFE_WORKSHOP = [
    "knife",
    "firm",
    "زنجان",
    "کارگاه آزمایشی چاقوسازی",
    "Test knife workshop",
    "چاقوی آشپزخانه",
    "بله",
    "۰۲۴-۳۳۴۴۵۵۶۶",
    "shop@example.org",
    "https://example.org",
]
SCHOOL = [
    "خوشه صنعت فرش (دست\u200cبافت)",
    "آموزشگاه",
    "Abhar",
    "آموزشگاه آزمایشی قالی‌بافی",
    "",
    "",
    "٠",
    "",
    "",
    "",
]


def csv_bytes(rows) -> bytes:
    dataset = tablib.Dataset(*rows, headers=HEADER)
    return dataset.export("csv").encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def load(data: bytes, file_format: str) -> tablib.Dataset:
    return tablib.Dataset().load(
        data if file_format == "xlsx" else data.decode(), format=file_format
    )


@pytest.mark.parametrize(("file_format", "build"), [("csv", csv_bytes), ("xlsx", xlsx_bytes)])
def test_a_good_file_imports_every_row_with_persian_digits_and_labels(content, file_format, build):
    before = Organisation.objects.count()
    result = organisations_import(
        dataset=load(build([KNIFE_WORKSHOP, SCHOOL]), file_format), dry_run=False
    )
    assert not result.has_errors() and not result.has_validation_errors()
    assert Organisation.objects.count() == before + 2
    workshop = Organisation.objects.get(name_fa="کارگاه آزمایشی چاقوسازی")
    assert (workshop.cluster.slug, workshop.kind, workshop.county) == ("knife", "firm", "zanjan")
    assert workshop.phone == "024-33445566"
    assert workshop.publish_contact is True
    school = Organisation.objects.get(name_fa="آموزشگاه آزمایشی قالی‌بافی")
    assert (school.cluster.slug, school.kind, school.county) == (
        "handmade-carpet",
        "training_school",
        "abhar",
    )
    assert school.publish_contact is False


def test_importing_the_same_file_twice_updates_rather_than_duplicates(content):
    data = csv_bytes([KNIFE_WORKSHOP])
    organisations_import(dataset=load(data, "csv"), dry_run=False)
    count = Organisation.objects.count()
    organisations_import(dataset=load(data, "csv"), dry_run=False)
    assert Organisation.objects.count() == count


def with_cell(row, column, value):
    changed = list(row)
    changed[HEADER.index(column)] = value
    return changed


BAD_ROWS = [
    (with_cell(KNIFE_WORKSHOP, "name_fa", ""), "نمی تواند خالی باشد"),
    (with_cell(KNIFE_WORKSHOP, "name_fa", "ن" * 201), "حداکثر 200 کاراکتر"),
    (with_cell(KNIFE_WORKSHOP, "name_fa", "<script>alert(1)</script>"), "برچسب HTML"),
    (with_cell(KNIFE_WORKSHOP, "kind", "robot"), "نوع «robot» شناخته نیست"),
    (with_cell(KNIFE_WORKSHOP, "county", "تهران"), "شهرستان «تهران» در استان زنجان شناخته نیست"),
    (with_cell(KNIFE_WORKSHOP, "cluster", "steel"), "خوشه‌ای با نام «steel» وجود ندارد"),
    (with_cell(KNIFE_WORKSHOP, "publish_contact", "شاید"), "«شاید» بله یا خیر نیست"),
    (with_cell(KNIFE_WORKSHOP, "email", "not-an-email"), "ایمیل آدرس معتبر"),
    (with_cell(KNIFE_WORKSHOP, "website", "javascript:alert(1)"), "نشانی"),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD_ROWS)
def test_one_bad_row_means_nothing_is_written(content, bad_row, message):
    before = Organisation.objects.count()
    result = organisations_import(dataset=load(csv_bytes([SCHOOL, bad_row]), "csv"), dry_run=False)
    assert result.has_validation_errors()
    errors = " ".join(
        str(text)
        for row in result.invalid_rows
        for texts in row.error_dict.values()
        for text in texts
    )
    assert message in errors
    assert [row.number for row in result.invalid_rows] == [2]
    assert Organisation.objects.count() == before


def import_page(staff_client, data: bytes, name: str, format_index: int):
    return staff_client.post(
        "/admin/directory/organisation/import/",
        {
            "resource": "0",
            "format": str(format_index),
            "import_file": SimpleUploadedFile(name, data),
        },
    )


@pytest.mark.parametrize(
    ("name", "build", "format_index"), [("d.csv", csv_bytes, 0), ("d.xlsx", xlsx_bytes, 1)]
)
def test_admin_previews_then_imports_on_confirmation(
    staff_client, content, name, build, format_index
):
    before = Organisation.objects.count()
    preview = import_page(staff_client, build([KNIFE_WORKSHOP, SCHOOL]), name, format_index)
    html = page_text(preview)
    assert preview.status_code == 200
    assert '<html lang="fa" dir="rtl"' in html
    assert "کارگاه آزمایشی چاقوسازی" in html
    assert Organisation.objects.count() == before  # a preview writes nothing
    confirm = preview.context["confirm_form"].initial
    response = staff_client.post("/admin/directory/organisation/process_import/", confirm)
    assert response.status_code == 302
    assert Organisation.objects.count() == before + 2


def test_admin_preview_shows_persian_row_errors_and_no_confirm_button(staff_client, content):
    before = Organisation.objects.count()
    bad = with_cell(KNIFE_WORKSHOP, "kind", "robot")
    response = import_page(staff_client, csv_bytes([SCHOOL, bad]), "d.csv", 0)
    html = page_text(response)
    assert "نوع «robot» شناخته نیست" in html
    assert response.context.get("confirm_form") is None
    assert not re.search(r'name="import_file_name"', html)
    assert Organisation.objects.count() == before


def test_admin_refuses_a_file_that_is_not_csv(staff_client, content):
    before = Organisation.objects.count()
    response = import_page(staff_client, b"\x00\x01\x02<script>", "d.csv", 0)
    assert response.status_code == 200
    assert Organisation.objects.count() == before
