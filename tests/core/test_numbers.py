"""Numbers printed by CLDR through Babel, and read back."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.numbers import format_number, format_percent, format_percentage, parse_number


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (66000, "fa", "۶۶٬۰۰۰"),
        ("4500000.00", "fa", "۴٬۵۰۰٬۰۰۰"),
        ("7.80", "fa", "۷٫۸"),
        (-12.5, "fa", "\u200e\u2212۱۲٫۵"),
        (23600, "en", "23,600"),
        (-12.5, "en", "-12.5"),
        (None, "fa", ""),
    ],
)
def test_numbers_follow_cldr(value, language, expected):
    assert format_number(value, language) == expected


def test_a_persian_minus_sits_left_of_the_digits_in_a_right_to_left_line():
    # U+200E makes the minus a left-to-right character: the bidi algorithm keeps it, with the
    # digits (European numbers), on their left even inside Persian text.
    printed = format_number(-3, "fa")
    assert printed.startswith("\u200e\u2212") and printed.endswith("۳")


def test_percentages_use_the_persian_percent_sign():
    assert format_percent(0.078, "fa") == "۷٫۸٪"
    assert format_percent(0.078, "en") == "7.8%"
    assert format_percentage("7.8", "fa") == "۷٫۸٪"


def test_templates_print_numbers_the_same_way():
    template = Template("{% load persian %}{{ value|num }}")
    with translation.override("fa"):
        assert template.render(Context({"value": -1234.5})) == "\u200e\u2212۱٬۲۳۴٫۵"
    with translation.override("en"):
        assert template.render(Context({"value": -1234.5})) == "-1,234.5"


def test_decimals_round():
    assert format_number("12.345", "fa", 1) == "۱۲٫۳"
    assert parse_number("۱۲٬۳۴۵٫۵") == parse_number("12,345.5")
