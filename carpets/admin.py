from django.contrib import admin
from django_jalali.admin.filters import JDateFieldListFilter
from modeltranslation.admin import TabbedTranslationAdmin

from .checks import run_checks
from .models import Indicator, Observation, Source


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
class ObservationAdmin(TabbedTranslationAdmin):
    list_display = ["indicator", "year", "value", "scope", "is_estimate", "source"]
    list_filter = ["year", "scope", "is_estimate", "source", "indicator"]
    search_fields = ["indicator__name", "reported_as", "note"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator", "source"]
    ordering = ["indicator__order", "year"]

    def changelist_view(self, request, extra_context=None):
        # Editors see, above the list, every reported figure that disagrees with the others.
        extra_context = {
            **(extra_context or {}),
            "failed_checks": [check for check in run_checks() if not check.passed],
        }
        return super().changelist_view(request, extra_context=extra_context)
