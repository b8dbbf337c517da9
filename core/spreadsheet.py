"""Spreadsheet cells that never start a formula (CSV / formula injection, OWASP).

A text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and
LibreOffice as a formula: a note `=HYPERLINK("http://evil.example", "…")` in a download became
a live link. Such text is written as text and stays readable as what it is:

- XLSX: the cell is a string cell with Excel's "quote prefix" style, holding the exact text;
- CSV has no types, so the text gets a leading apostrophe, which spreadsheets show as marking
  text (OWASP's advice);
- numbers stay numbers: a negative figure, as a number or as the text of one (`-12.5`), is
  written unchanged.

`csv_cell(value)` and `protect_sheet(sheet)` serve the public downloads (carpets/downloads.py);
`SafeCSV` and `SafeXLSX` are django-import-export formats for the admin's exports.
"""

import io
import re

import openpyxl
import tablib
from import_export.formats.base_formats import CSV, XLSX
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def starts_formula(value) -> bool:
    """True for text a spreadsheet would run as a formula (a plain number is not)."""
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.fullmatch(value)
    )


def csv_cell(value):
    return f"'{value}" if starts_formula(value) else value


def protect_sheet(sheet) -> None:
    """Turn every formula-looking text cell of an openpyxl sheet into a quoted string cell."""
    for row in sheet.iter_rows():
        for cell in row:
            if starts_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def _protected_dataset(dataset: tablib.Dataset) -> tablib.Dataset:
    safe = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        safe.append([csv_cell(value) for value in row])
    return safe


class SafeCSV(CSV):
    def export_data(self, dataset, **kwargs):
        return super().export_data(_protected_dataset(dataset), **kwargs)


class SafeXLSX(XLSX):
    def export_data(self, dataset, **kwargs):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = (dataset.title or "data")[:31]
        if dataset.headers:
            sheet.append(list(dataset.headers))
        for row in dataset:
            # Control characters XLSX cannot hold would fail the whole export.
            sheet.append(
                [ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v for v in row]
            )
        protect_sheet(sheet)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
