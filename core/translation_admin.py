"""The admin's translation classes: each language's field in its own direction, working widgets.

Every app's admin imports `TabbedTranslationAdmin`, `TranslationTabularInline` and
`TranslationStackedInline` from here instead of from modeltranslation, so the rules below hold
for every translated field in one place:

- a field's widget carries `lang` and `dir` of its language (`title_en` -> `lang="en" dir="ltr"`,
  `title_fa` -> `lang="fa" dir="rtl"`), so "Zanjan cluster (phase 2)." keeps its full stop on
  the right side of an English title inside the Persian admin;
- `css/admin-widgets.css` gives django-prose-editor's toolbar its icon font back (jQuery UI's
  theme sets `.ui-widget button { font-family: Verdana }` inside the tabs),
  gives the editing area a usable height and runs an English body left to right;
- `js/prose-editor-labels.js` gives the editor's toolbar Persian tooltips (its own are English).
"""

from django.utils.translation import get_language_bidi
from django.utils.translation import override as override_language
from modeltranslation import admin as mt_admin

ADMIN_WIDGETS_CSS = "css/admin-widgets.css"
ADMIN_WIDGETS_JS = "js/prose-editor-labels.js"


def language_attrs(language: str) -> dict[str, str]:
    """`{"lang": "en", "dir": "ltr"}` for a translation field's language code."""
    with override_language(language):
        bidi = get_language_bidi()
    return {"lang": language, "dir": "rtl" if bidi else "ltr"}


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


class TranslationTabularInline(LanguageDirectionMixin, mt_admin.TranslationTabularInline):
    pass


class TranslationStackedInline(LanguageDirectionMixin, mt_admin.TranslationStackedInline):
    pass
