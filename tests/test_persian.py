import datetime

import jdatetime
import pytest

from cluster_portal import persian


def test_normalize_folds_arabic_letters_digits_and_zwnj():
    assert persian.normalize("كارت قالي\u200cبافي ۲۳۶۰۰ ٢٣") == "کارت قالی بافی 23600 23"


def test_normalize_drops_diacritics_and_extra_spaces():
    assert persian.normalize("  خُوشه   صنعتی ") == "خوشه صنعتی"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (66000, "fa", "۶۶٬۰۰۰"),
        ("4500000.00", "fa", "۴٬۵۰۰٬۰۰۰"),
        ("7.80", "fa", "۷٫۸"),
        (23600, "en", "23,600"),
        ("0.5", "en", "0.5"),
    ],
)
def test_format_number_groups_and_localises_digits(value, language, expected):
    assert persian.format_number(value, language) == expected


def test_format_date_shows_jalali_month_names_in_persian():
    assert persian.format_date(jdatetime.date(1393, 8, 28), "fa") == "۲۸ آبان ۱۳۹۳"


def test_format_date_shows_gregorian_in_english():
    assert persian.format_date(jdatetime.date(1393, 8, 28), "en") == "19 November 2014"


def test_format_date_uses_tehran_local_time(settings):
    settings.TIME_ZONE = "Asia/Tehran"
    # 21:00 UTC on 20 March 2025 is already 1 Farvardin 1404 in Tehran.
    moment = datetime.datetime(2025, 3, 20, 21, 0, tzinfo=datetime.UTC)
    assert persian.format_date(moment, "fa").startswith("۱ فروردین ۱۴۰۴")
