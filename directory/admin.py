from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_jalali.admin.filters import JDateFieldListFilter
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from core.admin_base import OfficeAdminMixin
from core.admin_export import LabelledExportForm
from core.persian import localize_digits
from core.spreadsheet import SafeCSV, SafeXLSX
from core.translation_admin import TabbedTranslationAdmin

from . import services
from .models import Document, Organisation, Question, ReportedFigure, Term
from .resources import OrganisationResource


@admin.register(Organisation)
class OrganisationAdmin(OfficeAdminMixin, ImportExportMixin, TabbedTranslationAdmin):
    resource_classes = [OrganisationResource]
    export_form_class = LabelledExportForm
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

    def process_dataset(self, dataset, form, request, **kwargs):
        # The confirmed import writes through the service (one bad row: nothing written).
        file_name = kwargs.pop("file_name", None) or form.cleaned_data.get("original_file_name")
        return services.organisations_import(
            dataset=dataset,
            dry_run=False,
            user=request.user,
            file_name=file_name,
            retain_instance_in_row_result=True,
            **self.get_import_data_kwargs(request=request, form=form, **kwargs),
        )


@admin.register(ReportedFigure)
class ReportedFigureAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["cluster", "kind", "value", "year", "qualifier"]
    list_select_related = ["cluster"]
    list_filter = ["cluster", "kind", "year"]
    search_fields = ["source", "qualifier"]
    autocomplete_fields = ["cluster"]


@admin.register(Document)
class DocumentAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
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

    def save_model(self, request, obj, form, change):
        # The bytes are checked and the fields validated in one place for every door.
        services.document_save(document=obj)

    @admin.display(description=_("size"), ordering="file_size")
    def size(self, document):
        return localize_digits(filesizeformat(document.file_size))


@admin.register(Term)
class TermAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["term", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["term", "other_forms", "definition"]
    prepopulated_fields = {"slug": ["term_en"]}


@admin.register(Question)
class QuestionAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["question", "order"]
    list_editable = ["order"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question_en"]}
