"""The one Persian text layer: how input is cleaned, and how search folds spellings together.

Iranian readers and staff type one word many ways (Arabic or Persian keyboard, three digit
scripts, ZWNJ or space or nothing, ۀ or هٔ or ه, kashida), and text pasted from a phone carries
invisible direction marks. Two jobs, two strengths:

* **input** (`clean_text`, `clean_identifier`, `clean_number`): run once by forms, the admin
  and imports before validation, so what is stored is one spelling of what was meant, but
  nothing a writer chose on purpose is lost;
* **search** (`normalize`, `fold`, `search_variants`): folds every spelling of a word to one
  key, on the stored side (the search index) and on the query side alike.

===================================== ===================  ===================  ====================
what is typed                         search folds to      input, text          input, identifier
                                                           (names, titles)      (email, phone, ref.)
===================================== ===================  ===================  ====================
Arabic ي ى (U+064A, U+0649)           ی                    ی                    ی
Arabic ك (U+0643)                     ک                    ک                    ک
ۀ U+06C0, هٔ (ه U+0654), ە U+06D5     ه                    kept as written      kept as written
ة (U+0629, Arabic tā marbūṭa)         ه                    kept                 kept
أ إ ٱ (hamza/wasla on alef)           ا                    kept                 kept
kashida ـ (U+0640)                    removed              removed              removed
diacritics (U+064B–U+065F, U+0670)    removed              kept                 kept
ZWNJ (U+200C)                         space, and none      kept inside a word,  removed
                                      (both indexed)       dropped elsewhere
ZWJ, ZWSP, BOM (U+200D, U+200B, FEFF) removed              removed              removed
direction marks U+200E U+200F,        removed              removed              removed
U+202A–U+202E, U+2066–U+2069, U+061C
digits ۰-۹ ٠-٩ 0-9                    ASCII 0-9            Arabic-Indic → ۰-۹   ASCII 0-9
white space runs                      one space            one space (a line    one space
                                                           break is kept)
letter case                           lower case           kept                 kept
===================================== ===================  ===================  ====================

Why a small table here rather than a library: `persiantools` (already a dependency, pure
Python) supplies the digit scripts and ي/ك → ی/ک and is used for those; nothing else in it folds
ۀ, kashida or direction marks. `hazm`'s normaliser does more (it rewrites spacing of affixes,
which changes what editors wrote) and pulls in NLTK and a Python 3.12 requirement, too heavy
for a form. ICU (PyICU, used for collation in `core.collation`) has transliterators, but none
that does Persian search folding; a rule string for it would be this table again, less legible.
The rules are Unicode's own code points, each named above; the search side follows what Persian
search engines fold (Arabic letters, ۀ, kashida, ZWNJ, digits), the input side only undoes what
a keyboard or a clipboard did, never a writer's spelling.
"""

import re
import unicodedata

from persiantools import characters, digits

ZWNJ = "\u200c"
KASHIDA = "\u0640"
HAMZA_ABOVE = "\u0654"

# Marks that only steer display (bidi embeddings, isolates, LRM/RLM/ALM) or join nothing.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"[^\S\n]+")
_ALL_SPACES = re.compile(r"\s+")
_PERSIAN_LETTER = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06c0\u06cc\u06d5"
# A ZWNJ means something only between two letters of a word ("می‌روم"); elsewhere it is noise.
_STRAY_ZWNJ = re.compile(
    f"(?<![{_PERSIAN_LETTER}\u064b-\u065f\u0670\u0654]){ZWNJ}+|{ZWNJ}+(?![{_PERSIAN_LETTER}])"
)
_ARABIC_INDIC_TO_PERSIAN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_INDIC_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# Search-only letter folds (the input keeps these as written).
_SEARCH_LETTERS = str.maketrans(
    {"ۀ": "ه", "ە": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", KASHIDA: None}
)


def strip_invisible(text: str) -> str:
    """Remove direction marks, zero-width joiners and spaces, and the BOM (not ZWNJ)."""
    return _INVISIBLE.sub("", str(text))


def to_ascii_digits(text: str) -> str:
    """Persian ۰-۹ and Arabic-Indic ٠-٩ digits as ASCII 0-9; everything else as it is."""
    return digits.fa_to_en(str(text).translate(_ARABIC_INDIC_TO_ASCII))


def clean_text(text: str) -> str:
    """Input text (a name, a title, a message) as it is stored: one spelling of what was typed.

    Arabic letters become Persian, Arabic-Indic digits Persian ones, kashida and invisible
    marks go, a ZWNJ stays only inside a word, runs of spaces become one (line breaks stay)
    and the ends are trimmed. ۀ, diacritics and the writer's digits are kept.
    """
    text = unicodedata.normalize("NFC", str(text))
    text = strip_invisible(text).replace(KASHIDA, "")
    text = characters.ar_to_fa(text).translate(_ARABIC_INDIC_TO_PERSIAN)
    text = _STRAY_ZWNJ.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def clean_identifier(text: str) -> str:
    """An e-mail, phone, reference, slug or code as stored: no invisible mark, ASCII digits.

    "\u202a+۹۸ ۹۱۲ ۰۰۰ ۰۰۰۰\u202c" -> "+98 912 000 0000".
    """
    text = unicodedata.normalize("NFC", str(text))
    text = strip_invisible(text).replace(ZWNJ, "").replace(KASHIDA, "")
    text = to_ascii_digits(characters.ar_to_fa(text))
    return _ALL_SPACES.sub(" ", text).strip()


def clean_number(text: str) -> str:
    """A typed number as Python reads it: ASCII digits, "." for ٫, no ٬ grouping, "-" for −.

    "۱۲٬۵۰۰٫۵" -> "12500.5"; "\u200e\u2212۳" -> "-3". Latin commas are left for the field to judge.
    """
    text = clean_identifier(text)
    return text.replace("٫", ".").replace("٬", "").replace("\u2212", "-").replace(" ", "")


def normalize(text: str) -> str:
    """Fold text for search and comparison (the table's first column), ZWNJ read as a space."""
    text = unicodedata.normalize("NFC", str(text))
    text = strip_invisible(text)
    text = characters.ar_to_fa(text).translate(_SEARCH_LETTERS)
    text = to_ascii_digits(text)
    text = _DIACRITICS.sub("", text).replace(ZWNJ, " ")
    return _ALL_SPACES.sub(" ", text).strip().lower()


def fold(text: str) -> str:
    """Text folded for search twice: ZWNJ as a space and ZWNJ dropped, since people type both.

    "قالی‌بافی" is then found by "قالی بافی", "قالی‌بافی" and "قالیبافی" alike.
    """
    spaced = normalize(text)
    joined = normalize(str(text).replace(ZWNJ, ""))
    return spaced if joined == spaced else f"{spaced}\n{joined}"


_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def search_variants(word: str) -> list[str]:
    """The spellings a stored value may hold for one typed search word, for `icontains` lookups.

    Stored text went through `clean_text`, so its letters are Persian, but it keeps the
    writer's digits, ZWNJ and ۀ. The word is folded the same way, then spelled each way
    the stored text could: ASCII and Persian digits; ZWNJ, space or nothing where the word
    had a ZWNJ or space; ه, ۀ or هٔ at the end of the word. "ZC-۱۴۰۵-۰۰۰۰۰۱" gives
    "zc-1405-000001" (icontains ignores case) among others; "علي" gives "علی".
    """
    base = clean_text(word)
    base = _DIACRITICS.sub("", base.translate(_SEARCH_LETTERS).replace(HAMZA_ABOVE, ""))
    base = to_ascii_digits(base)
    spellings = {base}
    if ZWNJ in base or " " in base:
        core_ = base.replace(ZWNJ, " ")
        spellings |= {core_, core_.replace(" ", ZWNJ), core_.replace(" ", "")}
    if base.endswith("ه"):
        spellings |= {s[:-1] + ending for s in list(spellings) for ending in ("ۀ", "هٔ")}
    spellings |= {s.translate(_PERSIAN_DIGITS) for s in list(spellings)}
    return sorted(s for s in spellings if s)
