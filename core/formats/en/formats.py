# Typed dates are read and shown alike in both languages (core/formats/input.py).
from core.formats.input import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "j F Y, H:i"
