from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_jalali.admin.filters import JDateFieldListFilter
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TabbedTranslationAdmin

from core.spreadsheet import SafeCSV, SafeXLSX

from .models import Document, Organisation, Question, ReportedFigure, Term
from .resources import OrganisationResource


@admin.register(Organisation)
class OrganisationAdmin(ImportExportMixin, TabbedTranslationAdmin):
    resource_classes = [OrganisationResource]
    import_formats = [CSV, XLSX]
    # Exported text never starts a live formula (core/spreadsheet.py).
    export_formats = [SafeCSV, SafeXLSX]
    list_display = ["name", "kind", "cluster", "county", "publish_contact"]
    list_filter = ["cluster", "kind", "county", "publish_contact"]
    search_fields = ["name", "description", "city"]
    list_select_related = ["cluster"]
    autocomplete_fields = ["cluster"]
    # Django 6 makes https the default scheme; say so now rather than warn on every form.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "kind", "cluster", "county", "city", "description"]}),
        (
            _("Contact"),
            {"fields": ["publish_contact", "phone", "email", "address", "website"]},
        ),
    ]

    def get_import_data_kwargs(self, **kwargs):
        # One bad row means nothing of the file is written, even after confirmation.
        return {
            **super().get_import_data_kwargs(**kwargs),
            "rollback_on_validation_errors": True,
        }


@admin.register(ReportedFigure)
class ReportedFigureAdmin(TabbedTranslationAdmin):
    list_display = ["cluster", "kind", "value", "year", "qualifier"]
    list_filter = ["cluster", "kind", "year"]
    search_fields = ["source", "qualifier"]
    autocomplete_fields = ["cluster"]


@admin.register(Document)
class DocumentAdmin(TabbedTranslationAdmin):
    list_display = ["title", "kind", "language", "published_on", "file_format", "size"]
    list_filter = [
        "kind",
        "language",
        "file_format",
        "clusters",
        ("published_on", JDateFieldListFilter),
    ]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["clusters", "legal_bases"]
    readonly_fields = ["file_format", "file_size"]

    @admin.display(description=_("size"), ordering="file_size")
    def size(self, document):
        return filesizeformat(document.file_size)


@admin.register(Term)
class TermAdmin(TabbedTranslationAdmin):
    list_display = ["term", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["term", "other_forms", "definition"]
    prepopulated_fields = {"slug": ["term_en"]}


@admin.register(Question)
class QuestionAdmin(TabbedTranslationAdmin):
    list_display = ["question", "order"]
    list_editable = ["order"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question_en"]}
