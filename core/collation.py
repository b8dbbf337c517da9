"""CLDR Persian alphabetical order (آ ا ب پ ت … ک گ ل م ن و ه ی) on both databases.

Code-point order (SQLite's BINARY, PostgreSQL's "C") puts پ چ ژ ک گ after ی and ه before و.
ICU implements CLDR's `fa` collation; both databases reach it under one name, `persian`:

* PostgreSQL 15 has ICU built in: migration `core.0001_persian_collation` runs
  `CREATE COLLATION persian (provider = icu, locale = 'fa-IR')`;
* SQLite has no ICU: `register_sqlite_collation` (connected to `connection_created` in
  `CoreConfig.ready`) registers a collation of that name computed by PyICU's Collator.

Order a list with `by_name("name")` (an expression for `order_by` or `Meta.ordering`).
Latin text (English names) sorts alphabetically after Persian in the same collation.
"""

from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Collate, NullIf
from django.utils.translation import get_language

COLLATION = "persian"


@lru_cache(maxsize=1)
def _collator():
    import icu  # PyICU: imported on first use so that merely importing core needs no ICU

    return icu.Collator.createInstance(icu.Locale("fa_IR"))


def compare(left: str, right: str) -> int:
    """-1, 0 or 1 as `left` sorts before, with or after `right` in CLDR Persian order."""
    return _collator().compare(left, right)


def sort_key(text: str) -> bytes:
    """A bytes key for Python's `sorted` giving CLDR Persian order."""
    return _collator().getSortKey(text or "")


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    """Give each new SQLite connection the `persian` collation (connection_created receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)


def _translated(model, path: str, language: str) -> str | None:
    """`path` ("name", "cluster__name") with its last field in `language` if translated."""
    *relations, name = path.split("__")
    try:
        for part in relations:
            model = model._meta.get_field(part).related_model
        model._meta.get_field(f"{name}_{language}")
    except (FieldDoesNotExist, AttributeError):
        return None
    return "__".join([*relations, f"{name}_{language}"])


class PersianCollate(Collate):
    """`Collate(field, "persian")` in the active language's column (django-modeltranslation).

    Resolved when the query is compiled, so `Meta.ordering` follows the page's language; an
    untranslated row sorts by its Persian value, as it is shown.
    """

    def resolve_expression(self, query=None, *args, **kwargs):
        field = self.get_source_expressions()[0]
        language = (get_language() or "fa").split("-")[0]
        if query is not None and isinstance(field, F):
            localized = _translated(query.model, field.name, language)
            if localized is not None:
                copy = self.copy()
                copy.set_source_expressions(
                    [Coalesce(NullIf(F(localized), Value("")), F(field.name))]
                )
                return super(PersianCollate, copy).resolve_expression(query, *args, **kwargs)
        return super().resolve_expression(query, *args, **kwargs)


def by_name(field: str, descending: bool = False):
    """An ordering expression: `field` in Persian alphabetical order (a name or a term)."""
    expression = PersianCollate(F(field), COLLATION)
    return expression.desc() if descending else expression.asc()
