"""The carpet datasets as files: CSV (UTF-8 with BOM), XLSX and JSON.

Files are language-neutral: every text column comes in Persian and English, years come as the
Jalali year and the Gregorian years it spans, and every file names its licence and the time the
data last changed. Column names are stable English identifiers; the observation columns are the
ones the admin import reads, so a downloaded file can be corrected and imported back.
"""

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.persian import iso_date_pair, jalali_year_to_gregorian, local_date, local_datetime
from core.spreadsheet import csv_cell, protect_sheet

from .checks import derived_figures, failing_checks_by_observation, run_checks
from .models import Observation

LANGUAGES = ("fa", "en")
DEFAULT_LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def licence() -> dict:
    return getattr(settings, "PORTAL_DATA_LICENCE", DEFAULT_LICENCE)


def _bilingual(name: str, make) -> dict:
    """{name_fa: …, name_en: …}, each value computed with that language active."""
    values = {}
    for language in LANGUAGES:
        with translation.override(language):
            values[f"{name}_{language}"] = str(make())
    return values


def _date_pair(name: str, value) -> dict:
    jalali, gregorian = iso_date_pair(value)
    return {f"{name}_jalali": jalali or "", f"{name}_gregorian": gregorian or ""}


def _years(year: int) -> dict:
    return {"year_jalali": year, "year_gregorian": jalali_year_to_gregorian(year)}


# Joins the keys of the failed checks questioning a figure (the checks dataset's `check` column).
CHECK_SEPARATOR = "; "


def observation_rows(queryset):
    return [observation_row(obs) for obs in queryset.in_table_order()]


def observation_row(obs) -> dict:
    """One figure as a row (the API's observation too); `failing_checks` names the failed
    checks that question it, empty when none, checked against every stored figure."""
    failing = failing_checks_by_observation().get(obs.pk, [])
    return {
        "indicator": obs.indicator.slug,
        "indicator_name_fa": obs.indicator.name_fa,
        "indicator_name_en": obs.indicator.name_en or "",
        "unit_fa": obs.indicator.unit_fa,
        "unit_en": obs.indicator.unit_en or "",
        "scope": obs.scope,
        **_years(obs.year),
        "value": obs.value,
        "is_estimate": obs.is_estimate,
        "reported_as_fa": obs.reported_as_fa or "",
        "reported_as_en": obs.reported_as_en or "",
        "method_note_fa": obs.method_note_fa or "",
        "method_note_en": obs.method_note_en or "",
        "note_fa": obs.note_fa or "",
        "note_en": obs.note_en or "",
        **_date_pair("recorded_on", obs.recorded_on),
        "source": obs.source.slug,
        "source_name_fa": obs.source.name_fa,
        "source_name_en": obs.source.name_en or "",
        "source_publisher_fa": obs.source.publisher_fa,
        "source_publisher_en": obs.source.publisher_en or "",
        **_date_pair("source_published_on", obs.source.published_on),
        "source_url": obs.source.url,
        "failing_checks": CHECK_SEPARATOR.join(check.key for check in failing),
    }


def _in_both_languages(compute, queryset):
    """Pairs (Persian, English) of computed items: their titles are translated at compute time."""
    computed = []
    for language in LANGUAGES:
        with translation.override(language):
            computed.append(compute(queryset))
    return zip(*computed, strict=True)


def check_rows(queryset):
    for fa, en in _in_both_languages(run_checks, queryset):
        yield {
            "check": fa.key,
            "title_fa": fa.title,
            "title_en": en.title,
            **_years(fa.year),
            "source_name_fa": fa.source,
            "source_name_en": en.source,
            "reported_label_fa": fa.reported_label,
            "reported_label_en": en.reported_label,
            "reported": fa.reported,
            "compared_label_fa": fa.compared_label,
            "compared_label_en": en.compared_label,
            "compared": fa.compared,
            "unit_fa": fa.unit,
            "unit_en": en.unit,
            "passed": fa.passed,
            "finding_fa": fa.finding,
            "finding_en": en.finding,
        }


def derived_rows(queryset):
    for fa, en in _in_both_languages(derived_figures, queryset):
        yield {
            "figure": fa.key,
            "title_fa": fa.title,
            "title_en": en.title,
            **_years(fa.year),
            "value": fa.value,
            "unit_fa": fa.unit,
            "unit_en": en.unit,
            "formula_fa": fa.formula,
            "formula_en": en.formula,
            "numerator_indicator": fa.numerator.indicator.slug,
            "numerator_value": fa.numerator.value,
            "denominator_indicator": fa.denominator.indicator.slug,
            "denominator_value": fa.denominator.value,
            "source_name_fa": fa.source,
            "source_name_en": en.source,
        }


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    rows: object  # callable(queryset) -> iterable of dicts

    def title_in(self, language: str) -> str:
        with translation.override(language):
            return str(self.title)

    def description_in(self, language: str) -> str:
        with translation.override(language):
            return str(self.description)


DATASETS = {
    dataset.slug: dataset
    for dataset in (
        Dataset(
            "observations",
            _("Handmade-carpet sector figures of Zanjan province"),
            _(
                "Every reported figure with its Jalali year, unit, scope, source, method note "
                "and estimate flag; several sources for the same figure are separate rows."
            ),
            observation_rows,
        ),
        Dataset(
            "derived-figures",
            _("Figures computed from the reported carpet figures"),
            _("Shares and ratios computed from the stored figures, with their formula."),
            derived_rows,
        ),
        Dataset(
            "checks",
            _("Consistency checks of the reported carpet figures"),
            _(
                "Each check compares two reported or computed figures and says whether they "
                "agree; a failed check is a contradiction in the official figures."
            ),
            check_rows,
        ),
    )
}
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _metadata(dataset: Dataset, updated) -> dict:
    return {
        "dataset": dataset.slug,
        "title": {language: dataset.title_in(language) for language in LANGUAGES},
        "description": {language: dataset.description_in(language) for language in LANGUAGES},
        "licence": licence(),
        "last_updated": local_datetime(updated).isoformat() if updated else None,
    }


def plain(value):
    """A cell as a file wants it: numbers stay numbers, without the DECIMAL(…, 2) zeros."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    return value


def plain_row(row: dict) -> dict:
    return {key: plain(value) for key, value in row.items()}


def _csv(dataset, rows, updated) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    extra = {
        "licence": licence()["name"],
        # The Tehran calendar day: a change at 00:30 on Nowruz is dated Nowruz, not the day before.
        "dataset_updated": local_date(updated).isoformat() if updated else "",
    }
    for index, row in enumerate(rows):
        row = {**row, **extra}
        if index == 0:
            writer.writerow(row.keys())
        writer.writerow(
            str(value).lower() if isinstance(value, bool) else csv_cell(plain(value))
            for value in row.values()
        )
    # The byte-order mark makes Excel read the file as UTF-8, so Persian text survives.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(dataset, rows, updated) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    for index, row in enumerate(rows):
        if index == 0:
            sheet.append(list(row.keys()))
        sheet.append([plain(value) for value in row.values()])
    # A note typed as "=HYPERLINK(…)" is text in the file, not a live formula.
    protect_sheet(sheet)
    about = book.create_sheet("about")
    meta = _metadata(dataset, updated)
    about.append(["dataset", meta["dataset"]])
    for language in LANGUAGES:
        about.append([f"title_{language}", meta["title"][language]])
        about.append([f"description_{language}", meta["description"][language]])
    about.append(["licence", meta["licence"]["name"]])
    about.append(["licence_url", meta["licence"]["url"]])
    about.append(["last_updated", meta["last_updated"] or ""])
    protect_sheet(about)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _json(dataset, rows, updated) -> bytes:
    payload = {
        **_metadata(dataset, updated),
        "rows": [plain_row(row) for row in rows],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


WRITERS = {"csv": _csv, "xlsx": _xlsx, "json": _json}


def render(dataset: Dataset, file_format: str, queryset=None) -> bytes:
    queryset = queryset if queryset is not None else Observation.objects.all()
    updated = queryset.last_changed()
    rows = list(dataset.rows(queryset))
    return WRITERS[file_format](dataset, rows, updated)
