"""The text layer's table, row by row: what search folds, what input keeps and changes."""

import pytest

from core import text

LRE, PDF, LRM, RLM, FSI, PDI = "\u202a", "\u202c", "\u200e", "\u200f", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("علي", "علی"),
        ("كارخانه", "کارخانه"),
        ("توسعۀ", "توسعه"),
        ("توسعهٔ", "توسعه"),
        ("توسـعه", "توسعه"),
        ("مدرسة", "مدرسه"),
        ("أحمد إسلام ٱ", "احمد اسلام ا"),
        ("خُوشه", "خوشه"),
        ("قالی\u200cبافی", "قالی بافی"),
        ("۱۴۰۵ ١٤٠٥ 1405", "1405 1405 1405"),
        (f"{RLM}زنجان{LRM}{FSI}{PDI}", "زنجان"),
        ("ZC-۱۴۰۵", "zc-1405"),
    ],
)
def test_search_folds_every_spelling_to_one(typed, folded):
    assert text.normalize(typed) == folded


def test_fold_indexes_zwnj_as_space_and_as_nothing():
    assert text.fold("قالی\u200cبافی") == "قالی بافی\nقالیبافی"


def test_input_changes_arabic_letters_and_drops_marks_but_keeps_zwnj_and_he_hamza():
    assert text.clean_text(f"{RLM}علي  كريمي{LRM}") == "علی کریمی"
    assert text.clean_text("می\u200cروم") == "می\u200cروم"
    assert text.clean_text("\u200cخانه\u200c ") == "خانه"
    assert text.clean_text("خانۀ توسـعه") == "خانۀ توسعه"
    assert text.clean_text("سال ١٤٠٥") == "سال ۱۴۰۵"  # Arabic-Indic digits as Persian ones
    assert text.clean_text("یک\n\nدو  سه") == "یک\n\nدو سه"


def test_an_identifier_loses_every_invisible_mark_and_gets_ascii_digits():
    assert text.clean_identifier(f"{LRE}+۹۸ ۹۱۲ ۰۰۰ ۰۰۰۰{PDF}") == "+98 912 000 0000"
    assert text.clean_identifier(f"{LRM}+98 912 000 0000") == "+98 912 000 0000"
    assert text.clean_identifier("ZC-١٤٠٥-٠٠٠٠٠١") == "ZC-1405-000001"


def test_a_number_typed_the_persian_way_reads_as_a_number():
    assert text.clean_number("۱۲٬۵۰۰٫۵") == "12500.5"
    assert text.clean_number(f"{LRM}\u2212۳") == "-3"


def test_search_variants_spell_a_word_as_stored_text_may_hold_it():
    assert "ZC-1405-000001" in text.search_variants("ZC-۱۴۰۵-۰۰۰۰۰۱")
    assert "علی" in text.search_variants("علي")
    variants = text.search_variants("قالی\u200cبافی")
    assert {"قالی بافی", "قالی\u200cبافی", "قالیبافی"} <= set(variants)
    assert {"توسعه", "توسعۀ", "توسعهٔ"} <= set(text.search_variants("توسـعۀ"))
