"""How forms show and read typed dates, the same in both languages.

The first of each list is how a form shows a saved date (django-jalali's admin widget included,
core/admin_widgets.py) and the format the admin's Jalali picker writes
(core/static/js/jalali-datepicker.js); the others are read too. Jalali input is parsed by
core/jalali_input.py, which takes any of these.
"""

DATE_INPUT_FORMATS = ["%Y/%m/%d", "%Y-%m-%d"]
# To the minute, as the admin prints times everywhere else; a time typed with seconds is read.
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
