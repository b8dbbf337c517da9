"""Shared pieces of the content loaders: fixture files and translated values."""

import json
from pathlib import Path

import jdatetime
from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


def read_fixture(relative_path: str) -> dict:
    with open(FIXTURES_DIR / relative_path, encoding="utf-8") as handle:
        return json.load(handle)


def translated(record: dict, *fields: str) -> dict:
    """{"title": {"fa": …, "en": …}} -> {"title_fa": …, "title_en": …} for the named fields."""
    values = {}
    for field in fields:
        for language, _name in settings.LANGUAGES:
            values[f"{field}_{language}"] = record[field].get(language, "")
    return values


def jalali_date(text: str | None) -> jdatetime.date | None:
    """ "1393-08-28" -> a Jalali date; fixtures write dates the way the office reads them."""
    if not text:
        return None
    year, month, day = (int(part) for part in text.split("-"))
    return jdatetime.date(year, month, day)
