"""The admin's translation classes: each language's field in its own direction, working widgets.

Every app's admin imports `TabbedTranslationAdmin`, `TranslationTabularInline` and
`TranslationStackedInline` from here instead of from modeltranslation, so the rules below hold
for every translated field in one place:

- a field's widget carries `lang` and `dir` of its language (`title_en` -> `lang="en" dir="ltr"`,
  `title_fa` -> `lang="fa" dir="rtl"`), so "Zanjan cluster (phase 2)." keeps its full stop on
  the right side of an English title inside the Persian admin;
- `css/admin-widgets.css` gives django-prose-editor's toolbar its icon font back (jQuery UI's
  theme sets `.ui-widget button { font-family: Verdana }` inside the tabs) and its button groups
  their ends in a right-to-left page, gives the editing area a usable height, runs an English
  body left to right, and keeps every field inside its tab's box on a phone;
- `js/prose-editor-labels.js` gives the editor's toolbar Persian tooltips (its own are English).
"""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_bidi
from django.utils.translation import override as override_language
from modeltranslation import admin as mt_admin

from .admin_values import ReadableValuesInlineMixin

ADMIN_WIDGETS_CSS = "css/admin-widgets.css"
ADMIN_WIDGETS_JS = "js/prose-editor-labels.js"


def language_attrs(language: str) -> dict[str, str]:
    """`{"lang": "en", "dir": "ltr"}` for a translation field's language code."""
    with override_language(language):
        bidi = get_language_bidi()
    return {"lang": language, "dir": "rtl" if bidi else "ltr"}


def column_heading(field) -> str:
    """A column's heading; a translation field's names its language: "دلیل (فارسی)".

    modeltranslation's tab script strips " [fa]" from every heading of a tabular inline, for the
    language's tab to say it. A read-only column gets no tab, so "rationale [fa]" and
    "rationale [en]" both read "دلیل": this heading says the language in words it leaves alone.
    """
    language = getattr(field, "language", None)
    original = getattr(field, "translated_field", None)
    if language is None or original is None:
        return capfirst(field.verbose_name)
    name = dict(settings.LANGUAGES).get(language, language)
    return f"{capfirst(original.verbose_name)} ({name})"


class ReadOnlyHeadingsMixin:
    """A tabular inline's read-only translated columns headed by `column_heading`."""

    def get_formset(self, request, obj=None, **kwargs):
        readonly = set(self.get_readonly_fields(request, obj))
        view_only = obj is not None and not self.has_change_permission(request, obj)
        labels = {
            field.name: column_heading(field)
            for field in self.model._meta.get_fields()
            if hasattr(field, "translated_field") and (view_only or field.name in readonly)
        }
        kwargs["labels"] = {**labels, **(kwargs.get("labels") or {})}
        return super().get_formset(request, obj, **kwargs)


class LanguageDirectionMixin:
    """Marks each translation field's widget with its language and direction.

    Hooks modeltranslation's `patch_translation_field`, which it calls once per translated
    form field (model admins and inlines alike) with the field's `language`.
    """

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if language is None or field is None:
            return
        self._get_widget_from_field(field).attrs.update(language_attrs(language))


class TabbedTranslationAdmin(LanguageDirectionMixin, mt_admin.TabbedTranslationAdmin):
    class Media:
        css = {"all": (ADMIN_WIDGETS_CSS,)}
        js = (ADMIN_WIDGETS_JS,)


class TranslationTabularInline(
    ReadableValuesInlineMixin,
    ReadOnlyHeadingsMixin,
    LanguageDirectionMixin,
    mt_admin.TranslationTabularInline,
):
    pass


class TranslationStackedInline(
    ReadableValuesInlineMixin, LanguageDirectionMixin, mt_admin.TranslationStackedInline
):
    pass
