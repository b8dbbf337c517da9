from django.contrib import admin
from django_jalali.admin.filters import JDateFieldListFilter
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX

from core.admin_base import OfficeAdminMixin
from core.admin_export import LabelledExportForm
from core.admin_filters import JalaliMonthListFilter
from core.content_cache import cached_for_generation
from core.persian import active_language
from core.spreadsheet import SafeCSV, SafeXLSX
from core.translation_admin import TabbedTranslationAdmin

from .checks import failed_checks
from .models import Indicator, Observation, Source
from .resources import ObservationResource


@admin.register(Source)
class SourceAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["name", "publisher", "published_on"]
    list_filter = [("published_on", JDateFieldListFilter)]
    search_fields = ["name", "publisher"]


@admin.register(Indicator)
class IndicatorAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["name", "unit", "cluster", "group", "order"]
    list_editable = ["order"]
    list_filter = ["cluster", "group"]
    list_select_related = ["cluster"]
    search_fields = ["name", "description", "slug"]
    ordering = ["order"]


@admin.register(Observation)
class ObservationAdmin(OfficeAdminMixin, ImportExportModelAdmin, TabbedTranslationAdmin):
    """Observations, with a CSV / XLSX import that writes nothing until its preview is confirmed."""

    resource_classes = [ObservationResource]
    export_form_class = LabelledExportForm
    import_formats = [CSV, XLSX]
    # Exported text never starts a live formula (core/spreadsheet.py).
    export_formats = [SafeCSV, SafeXLSX]
    # The upload waits between preview and confirm in media storage, which every app server shares.
    tmp_storage_class = "import_export.tmp_storages.MediaStorage"
    # The import/export buttons' template, with the disagreeing figures below them.
    import_export_change_list_template = "admin/carpets/observation/change_list.html"
    list_display = ["indicator", "year", "value", "scope", "is_estimate", "source", "updated_at"]
    list_filter = [
        "year",
        ("updated_at", JalaliMonthListFilter),
        "scope",
        "is_estimate",
        "source",
        "indicator",
    ]
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
            # Every observation takes part in the checks: computed once per content version
            # (an edit of any figure changes it) and language, not on every view of the list.
            "failed_checks": cached_for_generation(
                f"admin-failed-checks:{active_language()}", failed_checks
            ),
        }
        return super().changelist_view(request, extra_context=extra_context)
