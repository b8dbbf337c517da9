"""The admin side of the text layer: forms that clean input, search that folds spellings.

Every ModelAdmin of the project puts `PersianAdminMixin` first in its bases (a test walks the
registry). It gives each change list the public search's tolerance: a reference typed in
Persian digits, a name typed on an Arabic keyboard, a word with ZWNJ, space or none, ۀ or ه
all find the row; and it makes every add and change form, inlines included, clean its input
through `core.forms.CleanInputMixin` before validation.
"""

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

from core.collation import by_name
from core.forms import CleanInputMixin
from core.text import search_variants

from .admin_widgets import use_in_admin

# Before any ModelAdmin is made (each copies the defaults when it is created): Django imports
# this module first of the project's admin modules (INSTALLED_APPS order), before cluster_portal
# replaces the user admin, so every admin form gets the Jalali inputs that show 1405/06/31 and
# e-mail and URL inputs that run left to right.
use_in_admin()

_PREFIXES = {"^": "istartswith", "=": "iexact", "@": "search"}


def with_clean_input(form_class):
    """`form_class` with `CleanInputMixin` first in its bases (itself when it already has it)."""
    if issubclass(form_class, CleanInputMixin):
        return form_class
    return type(form_class.__name__, (CleanInputMixin, form_class), {})


def _lookup(field_name: str) -> str:
    if field_name[:1] in _PREFIXES:
        return f"{field_name[1:]}__{_PREFIXES[field_name[0]]}"
    return (
        field_name
        if "__" in field_name
        and field_name.rsplit("__", 1)[1]
        in (
            "exact",
            "iexact",
            "contains",
            "icontains",
            "startswith",
            "istartswith",
            "search",
        )
        else f"{field_name}__icontains"
    )


def _is_name(model, field_name: str) -> bool:
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return False
    return isinstance(field, models.CharField) and not field.choices and not field.unique


class PersianOrderChangeList(ChangeList):
    """A change list sorted by a text column (a name, a title) sorts in CLDR Persian order."""

    def get_ordering(self, request, queryset):
        ordering = []
        for item in super().get_ordering(request, queryset):
            name = item.lstrip("-") if isinstance(item, str) else None
            if name and _is_name(self.model, name):
                ordering.append(by_name(name, descending=item.startswith("-")))
            else:
                ordering.append(item)
        return ordering


class PersianAdminMixin:
    """Folded search and Persian order on the change list, text-layer cleaning on the forms."""

    def get_changelist(self, request, **kwargs):
        return PersianOrderChangeList

    def get_changelist_form(self, request, **kwargs):
        # The list's editable columns (an `order` box a row) read input as the forms do.
        return with_clean_input(super().get_changelist_form(request, **kwargs))

    def get_form(self, request, obj=None, change=False, **kwargs):
        return with_clean_input(super().get_form(request, obj, change=change, **kwargs))

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if not issubclass(formset.form, CleanInputMixin):
                formset = type(
                    formset.__name__, (formset,), {"form": with_clean_input(formset.form)}
                )
            yield formset, inline

    def get_search_results(self, request, queryset, search_term):
        """Each word of the term, in any of its spellings, in any search field (words AND-ed).

        Mirrors Django's own search (quotes keep a phrase, ^ = @ prefixes), but each word
        becomes the OR of `core.text.search_variants`, so the stored spelling is found.
        """
        search_fields = self.get_search_fields(request)
        if not search_term or not search_fields:
            return super().get_search_results(request, queryset, search_term)
        lookups = [_lookup(str(name)) for name in search_fields]
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            any_spelling = Q()
            for spelling in search_variants(bit):
                for lookup in lookups:
                    any_spelling |= Q(**{lookup: spelling})
            if any_spelling:
                queryset = queryset.filter(any_spelling)
        duplicates = any(lookup_spawns_duplicates(self.opts, lookup) for lookup in lookups)
        return queryset, duplicates
