"""Jalali dates as people type them, through the one parser and the form fields using it."""

import jdatetime
import pytest
from django import forms
from django.utils import translation

from core.forms import CleanInputMixin, JalaliDateField, JalaliDateTimeField
from core.jalali_input import JalaliInputError, parse_jalali_date, parse_jalali_datetime


@pytest.mark.parametrize(
    "typed",
    ["1405/06/31", "1405/6/31", "۱۴۰۵/۰۶/۳۱", "١٤٠٥/٠٦/٣١", "1405-06-31", "\u200e1405/06/31"],
)
def test_every_usual_spelling_is_one_date(typed):
    assert parse_jalali_date(typed) == jdatetime.date(1405, 6, 31)


def test_a_time_may_follow():
    assert parse_jalali_datetime("۱۴۰۵/۰۶/۳۱ ۱۴:۳۰") == jdatetime.datetime(1405, 6, 31, 14, 30)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1404/12/30", "کبیسه نیست"),
        ("1405/13/01", "ماه جلالی نیست"),
        ("1405/07/31", "۳۰ روز دارد"),
        ("31/06/1405", "تاریخ جلالی نیست"),
        ("فردا", "تاریخ جلالی نیست"),
    ],
)
def test_a_date_that_does_not_exist_is_refused_in_persian_saying_why(typed, reason):
    with translation.override("fa"), pytest.raises(JalaliInputError) as refused:
        parse_jalali_date(typed)
    assert reason in str(refused.value)


def test_1403_is_a_leap_year():
    assert parse_jalali_date("1403/12/30") == jdatetime.date(1403, 12, 30)


class DatesForm(CleanInputMixin, forms.Form):
    day = JalaliDateField()
    moment = JalaliDateTimeField()


def test_form_fields_accept_slashes_and_refuse_with_the_reason(settings):
    form = DatesForm(data={"day": "۱۴۰۵/۶/۳۱", "moment": "1405/06/31 09:05"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == jdatetime.date(1405, 6, 31)
    with translation.override("fa"):
        form = DatesForm(data={"day": "1404/12/30", "moment": "1405/13/01 10:00"})
        assert not form.is_valid()
        assert "کبیسه" in form.errors["day"][0]
        assert "ماه" in form.errors["moment"][0]
