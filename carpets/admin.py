from django.contrib import admin
from django_jalali.admin.filters import JDateFieldListFilter
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TabbedTranslationAdmin

from core.spreadsheet import SafeCSV, SafeXLSX

from .checks import failed_checks
from .models import Indicator, Observation, Source
from .resources import ObservationResource


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "publisher", "published_on"]
    list_filter = [("published_on", JDateFieldListFilter)]
    search_fields = ["name", "publisher"]


@admin.register(Indicator)
class IndicatorAdmin(TabbedTranslationAdmin):
    list_display = ["name", "unit", "cluster", "order"]
    list_editable = ["order"]
    list_filter = ["cluster"]
    search_fields = ["name", "description", "slug"]
    ordering = ["order"]


@admin.register(Observation)
class ObservationAdmin(ImportExportModelAdmin, TabbedTranslationAdmin):
    """Observations, with a CSV / XLSX import that writes nothing until its preview is confirmed."""

    resource_classes = [ObservationResource]
    import_formats = [CSV, XLSX]
    # Exported text never starts a live formula (core/spreadsheet.py).
    export_formats = [SafeCSV, SafeXLSX]
    # The upload waits between preview and confirm in media storage, which every app server shares.
    tmp_storage_class = "import_export.tmp_storages.MediaStorage"
    change_list_template = "admin/carpets/observation/change_list.html"
    list_display = ["indicator", "year", "value", "scope", "is_estimate", "source", "updated_at"]
    list_filter = ["year", "scope", "is_estimate", "source", "indicator"]
    search_fields = ["indicator__name", "reported_as", "method_note", "note"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator", "source"]
    ordering = ["indicator__order", "year"]

    def get_import_data_kwargs(self, **kwargs):
        # A row that fails validation at confirm time rolls the whole file back, too.
        return {
            **super().get_import_data_kwargs(**kwargs),
            "rollback_on_validation_errors": True,
        }

    def changelist_view(self, request, extra_context=None):
        # Editors see, above the list, every reported figure that disagrees with the others.
        extra_context = {
            **(extra_context or {}),
            "failed_checks": failed_checks(),
        }
        return super().changelist_view(request, extra_context=extra_context)
