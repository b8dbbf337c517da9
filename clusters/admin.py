from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_jalali.admin.filters import JDateFieldListFilter
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import (
    Advantage,
    Cluster,
    DevelopmentProject,
    InfoPage,
    LegalBasis,
    Office,
    PriorityRanking,
    RankedCluster,
)


@admin.register(Office)
class OfficeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "parent_organization", "content_updated_on"]
    search_fields = ["name", "parent_organization"]


@admin.register(InfoPage)
class InfoPageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["title", "lead", "body"]
    ordering = ["order"]


@admin.register(LegalBasis)
class LegalBasisAdmin(TabbedTranslationAdmin):
    list_display = ["number", "title", "instrument"]
    list_display_links = ["number", "title"]
    search_fields = ["title", "instrument", "summary"]
    ordering = ["number"]


@admin.register(Advantage)
class AdvantageAdmin(TabbedTranslationAdmin):
    list_display = ["order", "title"]
    list_display_links = ["order", "title"]
    search_fields = ["title", "description"]
    ordering = ["order"]


class DevelopmentProjectInline(admin.StackedInline):
    model = DevelopmentProject
    extra = 0


@admin.register(Cluster)
class ClusterAdmin(TabbedTranslationAdmin):
    list_display = ["name", "sector", "current_rank", "slug"]
    list_filter = ["sector"]
    search_fields = ["name", "summary", "profile"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [DevelopmentProjectInline]

    @admin.display(description=_("current rank"))
    def current_rank(self, cluster):
        entry = cluster.rankings.filter(ranking__is_current=True).first()
        return entry.rank if entry else "—"


class RankedClusterInline(TranslationTabularInline):
    model = RankedCluster
    extra = 0
    autocomplete_fields = ["cluster"]
    ordering = ["rank"]


@admin.register(PriorityRanking)
class PriorityRankingAdmin(TabbedTranslationAdmin):
    list_display = ["title", "year", "approved_on", "is_current", "cluster_count"]
    list_filter = ["is_current", ("approved_on", JDateFieldListFilter)]
    search_fields = ["title", "approved_by", "note"]
    inlines = [RankedClusterInline]

    @admin.display(description=_("clusters"))
    def cluster_count(self, ranking):
        return ranking.entries.count()


@admin.register(DevelopmentProject)
class DevelopmentProjectAdmin(TabbedTranslationAdmin):
    list_display = ["cluster", "agent_selection", "agent_name", "contract_years", "contract_start"]
    list_filter = ["agent_selection", ("contract_start", JDateFieldListFilter)]
    search_fields = ["cluster__name", "agent_name", "status_note"]
    autocomplete_fields = ["cluster"]
