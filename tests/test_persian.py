import datetime

import jdatetime
import pytest
from django.utils import translation

from core import persian


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


@pytest.mark.parametrize(
    ("language", "expected"), [("fa", "fa"), ("en", "en"), ("en-us", "en"), ("fa-ir", "fa")]
)
def test_active_language_is_the_code_without_region(language, expected):
    with translation.override(language):
        assert persian.active_language() == expected


def test_active_language_is_persian_when_none_is_active():
    with translation.override(None):
        assert persian.active_language() == "fa"


def test_localize_digits_prints_persian_digits_and_percent_on_persian_pages():
    with translation.override("fa"):
        assert persian.localize_digits("رتبه 3 از 12، 40%") == "رتبه ۳ از ۱۲، ۴۰٪"


def test_localize_digits_leaves_english_pages_alone():
    with translation.override("en"):
        assert persian.localize_digits(1404) == "1404"


def test_localize_digits_follows_an_explicit_language_over_the_active_one():
    with translation.override("en"):
        assert persian.localize_digits(1404, "fa") == "۱۴۰۴"


def test_to_jalali_converts_an_aware_datetime_in_tehran_time(settings):
    settings.TIME_ZONE = "Asia/Tehran"
    # 20:29 UTC on 20 March 2025 is 23:59 on the last day of 1403 in Tehran; 20:30 is Nowruz.
    before = persian.to_jalali(datetime.datetime(2025, 3, 20, 20, 29, tzinfo=datetime.UTC))
    after = persian.to_jalali(datetime.datetime(2025, 3, 20, 20, 30, tzinfo=datetime.UTC))
    assert (before.year, before.month, before.day, before.hour) == (1403, 12, 30, 23)
    assert (after.year, after.month, after.day, after.hour) == (1404, 1, 1, 0)


def test_to_jalali_converts_a_gregorian_date_and_keeps_a_jalali_one():
    assert persian.to_jalali(datetime.date(2014, 11, 19)) == jdatetime.date(1393, 8, 28)
    assert persian.to_jalali(jdatetime.date(1393, 8, 28)) == jdatetime.date(1393, 8, 28)


@pytest.mark.parametrize(
    ("year", "month", "language", "expected"),
    [
        (1404, 8, "fa", "آبان ۱۴۰۴"),
        (1404, 8, "en", "Aban 1404"),
        (1393, 12, "fa", "اسفند ۱۳۹۳"),
        (1393, 1, "en", "Farvardin 1393"),
    ],
)
def test_jalali_month_label_names_the_month_in_the_readers_language(
    year, month, language, expected
):
    assert persian.jalali_month_label(year, month, language) == expected


def test_iso_date_pair_writes_a_date_in_both_calendars():
    # 28 Aban 1393 is 19 November 2014.
    assert persian.iso_date_pair(jdatetime.date(1393, 8, 28)) == ("1393-08-28", "2014-11-19")
    assert persian.iso_date_pair(datetime.date(2014, 11, 19)) == ("1393-08-28", "2014-11-19")


def test_iso_date_pair_of_no_date_is_empty():
    assert persian.iso_date_pair(None) == (None, None)
