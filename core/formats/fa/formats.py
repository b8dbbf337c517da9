# Django's "fa" formats set no grouping; digits are converted by filters.
DECIMAL_SEPARATOR = "٫"
THOUSAND_SEPARATOR = "٬"
NUMBER_GROUPING = 3
DATE_FORMAT = "Y/m/d"
SHORT_DATE_FORMAT = "Y/m/d"
DATETIME_FORMAT = "Y/m/d H:i"
# The first is how a form shows a saved date (django-jalali's admin widget included) and the
# format the admin's Jalali picker writes (core/static/js/jalali-datepicker.js); the others are
# read too. Jalali input is parsed by core/jalali_input.py, which takes any of these.
DATE_INPUT_FORMATS = ["%Y/%m/%d", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
