"""Numbers as CLDR prints them, through Babel: one function for templates, charts, files, e-mail.

Persian (`fa`, CLDR's default numbering system `arabext`): Persian digits, grouping ٬ (U+066C),
decimal ٫ (U+066B), percent ٪ (U+066A), and the minus sign U+200E U+2212 (a left-to-right mark
then MINUS SIGN), so in a right-to-left line the minus stays on the left of the digits.
English (`en`): 1,234.5 and -12.5. The rule is CLDR's, not ours: Babel ships the CLDR data.
Babel (2.19) takes the separators from the locale's numbering system but writes Latin digits
and keeps the pattern's literal "-" and "%"; `_native` puts in the numbering system's own
digits (arabext: ۰-۹, through persiantools) and its CLDR minus and percent signs.

`parse_number` reads back what `format_number` printed (and what people type: any digit
script, ٬ or "," grouping, ٫ or "." decimal), so stored values stay numbers, never strings.
"""

from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import format_decimal, get_minus_sign_symbol
from babel.numbers import format_percent as babel_format_percent
from persiantools import digits

from core.text import clean_number

_LOCALES = {"fa": "fa_IR", "en": "en"}


def _locale(language: str) -> str:
    return _LOCALES.get((language or "fa").split("-")[0], "en")


def _decimal(value, decimals: int | None) -> Decimal:
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if decimals is not None:
        number = round(number, decimals)
    # Trailing zeros of a stored DECIMAL(…, 2) are noise to a reader: 66000.00 is 66,000.
    number = number.normalize()
    return number.quantize(Decimal(1)) if number == number.to_integral() else number


def _native(text: str, locale: str) -> str:
    if locale == "en":
        return text
    minus = get_minus_sign_symbol(locale, numbering_system="default")
    system = Locale.parse(locale).default_numbering_system
    percent = Locale.parse(locale).number_symbols[system]["percentSign"]
    return digits.en_to_fa(text.replace("-", minus).replace("%", percent))


def format_number(value, language: str, decimals: int | None = None) -> str:
    """`value` (int, float, Decimal or numeric string) grouped, in the language's digits.

    `decimals` rounds (half-even, like Python's round); without it every significant
    decimal is shown. None or "" gives "". 66000 -> "۶۶٬۰۰۰" (fa), "66,000" (en);
    -12.5 -> "\u200e\u2212۱۲٫۵" (fa), "-12.5" (en).
    """
    if value is None or value == "":
        return ""
    number = _decimal(value, decimals)
    locale = _locale(language)
    text = format_decimal(
        number, locale=locale, decimal_quantization=False, numbering_system="default"
    )
    return _native(text, locale)


def format_percent(value, language: str, decimals: int | None = 1) -> str:
    """A ratio (0.078) as a percentage: "۷٫۸٪" (fa), "7.8%" (en), at most `decimals` places.

    `decimals=None` shows every significant place (for a figure already given in percent).
    """
    if value is None or value == "":
        return ""
    places = 12 if decimals is None else decimals
    pattern = "#,##0" + ("." + "#" * places if places else "") + "%"
    locale = _locale(language)
    text = babel_format_percent(
        Decimal(str(value)), format=pattern, locale=locale, numbering_system="default"
    )
    return _native(text, locale)


def format_percentage(value, language: str) -> str:
    """A figure stored in percent (7.8 meaning 7.8%) printed by CLDR: "۷٫۸٪", "7.8%"."""
    if value is None or value == "":
        return ""
    return format_percent(Decimal(str(value)) / 100, language, decimals=None)


def parse_number(text: str, language: str = "fa") -> Decimal:
    """The number in typed or printed text, as a Decimal; ValueError when it is not one.

    Persian text may use "," for grouping only when "." is its decimal; in English "," groups.
    """
    cleaned = clean_number(text).replace("%", "").replace("٪", "")
    cleaned = cleaned.replace(",", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(f"not a number: {text!r}") from error
