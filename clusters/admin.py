"""The programme's admin: Persian, Jalali pickers, history and recovery through django-reversion."""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from django_jalali.admin.filters import JDateFieldListFilter

from core.admin_base import OfficeAdminMixin, OfficeInlineMixin
from core.admin_inlines import LargeInlineMixin, RowLabelledInlineMixin
from core.translation_admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from core.versions_admin import GuardedVersionAdmin

from .models import (
    Advantage,
    Cluster,
    CriterionScore,
    DevelopmentProject,
    GovernanceBody,
    InfoPage,
    JointAction,
    LegalBasis,
    Office,
    PriorityRanking,
    ProgressReport,
    ProjectPhase,
    RankedCluster,
    RankingCriterion,
    TeamMember,
)
from .services import ranking_is_locked, ranking_publish

# Registered explicitly: VersionAdmin's own registration depends on the order admins are built
# in, and would miss a child (a progress report) whose parent was first seen as an inline.
for model, follow in (
    (Office, ()),
    (InfoPage, ()),
    (LegalBasis, ()),
    (Advantage, ()),
    (Cluster, ("project", "actions")),
    (PriorityRanking, ("criteria", "entries")),
    (RankingCriterion, ()),
    (RankedCluster, ("criterion_scores",)),
    (CriterionScore, ()),
    (DevelopmentProject, ("team", "governance", "phases")),
    (TeamMember, ()),
    (GovernanceBody, ()),
    (ProjectPhase, ()),
    (JointAction, ("reports",)),
    (ProgressReport, ()),
):
    if not reversion.is_registered(model):
        reversion.register(model, follow=follow)


class ProgrammeAdmin(OfficeAdminMixin, GuardedVersionAdmin, TabbedTranslationAdmin):
    """Every programme model keeps its history, so editors can compare, revert and recover."""


@admin.register(Office)
class OfficeAdmin(ProgrammeAdmin):
    list_display = ["name", "parent_organization", "content_updated_on"]
    search_fields = ["name", "parent_organization"]


@admin.register(InfoPage)
class InfoPageAdmin(ProgrammeAdmin):
    list_display = ["title", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["title", "lead", "body"]
    ordering = ["order"]


@admin.register(LegalBasis)
class LegalBasisAdmin(ProgrammeAdmin):
    list_display = ["number", "title", "instrument", "cluster_count"]
    list_display_links = ["number", "title"]
    search_fields = ["title", "instrument", "summary"]
    filter_horizontal = ["clusters", "phases", "actions"]
    ordering = ["number"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(cited_clusters=Count("clusters"))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A phase is labelled "<cluster> – <phase>": load the project and cluster with it,
        # or the selector asks for both once per phase of every project.
        if db_field.name == "phases":
            kwargs["queryset"] = ProjectPhase.objects.select_related("project__cluster")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("clusters"), ordering="cited_clusters")
    def cluster_count(self, basis):
        return basis.cited_clusters


@admin.register(Advantage)
class AdvantageAdmin(ProgrammeAdmin):
    list_display = ["order", "title"]
    list_display_links = ["order", "title"]
    search_fields = ["title", "description"]
    ordering = ["order"]


class DevelopmentProjectInline(TranslationStackedInline):
    model = DevelopmentProject
    extra = 0
    fields = ["agent_selection", "agent_name", "agent_organization", "contract_start"]
    show_change_link = True


class JointActionInline(LargeInlineMixin, RowLabelledInlineMixin, TranslationTabularInline):
    model = JointAction
    fk_name = "cluster"
    extra = 0
    fields = ["title", "parent", "status", "indicator", "unit", "baseline", "target", "order"]
    autocomplete_fields = ["parent"]
    show_change_link = True
    # Twelve boxes a row: 25 rows are as many boxes as 50 rows of a ranking edition.
    editable_up_to = 25
    read_only_when_large = [
        "title_fa",
        "title_en",
        "parent",
        "status",
        "indicator_fa",
        "indicator_en",
        "unit_fa",
        "unit_en",
        "baseline",
        "target",
        "order",
    ]

    def rows_of(self, cluster):
        return cluster.actions.count()


@admin.register(Cluster)
class ClusterAdmin(ProgrammeAdmin):
    list_display = ["name", "sector", "current_rank", "slug"]
    list_filter = ["sector"]
    search_fields = ["name", "summary", "profile"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [DevelopmentProjectInline, JointActionInline]

    def get_queryset(self, request):
        current = RankedCluster.objects.filter(cluster=OuterRef("pk"), ranking__is_current=True)
        return (
            super()
            .get_queryset(request)
            .annotate(current_rank=Subquery(current.order_by("rank").values("rank")[:1]))
        )

    @admin.display(description=_("current rank"), ordering="current_rank")
    def current_rank(self, cluster):
        return cluster.current_rank if cluster.current_rank is not None else "—"


LOCKED_EDITION = _(
    "This edition is the current ranking and was checked when it was published, so it can no "
    "longer be changed. Prepare a new edition and publish it with the publish action, which "
    "checks it again."
)


def _edition(obj) -> PriorityRanking | None:
    """The ranking edition an object of the ranking admin belongs to."""
    if isinstance(obj, PriorityRanking):
        return obj
    if isinstance(obj, RankedCluster):
        return obj.ranking
    return None


class LockedEditionMixin:
    """Read-only while the edition is published (`ranking_is_locked`), for admins and inlines
    alike; Django then shows the page as a view, and the change view says why."""

    def has_change_permission(self, request, obj=None):
        return not ranking_is_locked(_edition(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not ranking_is_locked(_edition(obj)) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if isinstance(self, admin.options.InlineModelAdmin):
            allowed = super().has_add_permission(request, obj)
        else:
            allowed = super().has_add_permission(request)
        return not ranking_is_locked(_edition(obj)) and allowed


class LockedEditionAdmin(LockedEditionMixin):
    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if ranking_is_locked(_edition(obj)):
            self.message_user(request, LOCKED_EDITION, level=messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)


class RankingCriterionInline(LockedEditionMixin, TranslationTabularInline):
    model = RankingCriterion
    extra = 0


class RankedClusterInline(
    LockedEditionMixin, LargeInlineMixin, RowLabelledInlineMixin, TranslationTabularInline
):
    model = RankedCluster
    extra = 0
    autocomplete_fields = ["cluster"]
    fields = ["rank", "cluster", "score", "rationale"]
    ordering = ["rank"]
    show_change_link = True

    read_only_when_large = ["rank", "cluster", "score", "rationale_fa", "rationale_en"]

    def rows_of(self, ranking):
        return ranking.entries.count()


@admin.register(PriorityRanking)
class PriorityRankingAdmin(LockedEditionAdmin, ProgrammeAdmin):
    list_display = ["title", "year", "approved_by", "approved_on", "is_current", "cluster_count"]
    list_filter = ["is_current", ("approved_on", JDateFieldListFilter)]
    search_fields = ["title", "approved_by", "note"]
    # An edition becomes current only through the publish action, which checks it first.
    readonly_fields = ["is_current"]
    inlines = [RankingCriterionInline, RankedClusterInline]
    actions = ["publish"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ranked_clusters=Count("entries"))

    @admin.display(description=_("clusters"), ordering="ranked_clusters")
    def cluster_count(self, ranking):
        return ranking.ranked_clusters

    def has_publish_permission(self, request):
        # Offered and run only for the statistics officer's publish right.
        return request.user.has_perm("clusters.publish_priorityranking")

    @admin.action(
        description=_("Publish the selected edition as the current ranking"),
        permissions=["publish"],
    )
    def publish(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Select exactly one edition to publish."), level=messages.ERROR
            )
            return
        ranking = queryset.get()
        try:
            ranking_publish(ranking=ranking)
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, level=messages.ERROR)
            self.message_user(
                request,
                _("“%(edition)s” was not published; nothing was changed.") % {"edition": ranking},
                level=messages.ERROR,
            )
            return
        self.message_user(
            request,
            _("“%(edition)s” is now the current ranking.") % {"edition": ranking},
            level=messages.SUCCESS,
        )


class CriterionScoreInline(LockedEditionMixin, OfficeInlineMixin, admin.TabularInline):
    model = CriterionScore
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the criteria of the entry's own edition can be scored.
        entry_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "criterion" and entry_id:
            kwargs["queryset"] = RankingCriterion.objects.filter(ranking__entries__pk=entry_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(RankedCluster)
class RankedClusterAdmin(LockedEditionAdmin, ProgrammeAdmin):
    list_display = ["cluster", "ranking", "rank", "score"]
    list_select_related = ["cluster", "ranking"]
    list_filter = ["ranking"]
    search_fields = ["cluster__name", "ranking__title", "rationale"]
    autocomplete_fields = ["cluster"]
    inlines = [CriterionScoreInline]


class TeamMemberInline(TranslationTabularInline):
    model = TeamMember
    extra = 0


class GovernanceBodyInline(TranslationStackedInline):
    model = GovernanceBody
    extra = 0
    max_num = len(GovernanceBody.Kind)


class ProjectPhaseInline(TranslationStackedInline):
    model = ProjectPhase
    extra = 0
    max_num = len(ProjectPhase.Phase)
    fields = [
        ("phase", "status"),
        ("planned_start", "planned_end"),
        ("actual_start", "actual_end"),
        "note",
    ]


@admin.register(DevelopmentProject)
class DevelopmentProjectAdmin(ProgrammeAdmin):
    list_display = [
        "cluster",
        "agent_selection",
        "agent_organization",
        "contract_years",
        "contract_start",
        "contract_end",
    ]
    list_select_related = ["cluster"]
    list_filter = ["agent_selection", ("contract_start", JDateFieldListFilter)]
    search_fields = ["cluster__name", "agent_name", "agent_organization", "status_note"]
    autocomplete_fields = ["cluster"]
    inlines = [TeamMemberInline, GovernanceBodyInline, ProjectPhaseInline]


class ProgressReportInline(TranslationStackedInline):
    model = ProgressReport
    extra = 0


@admin.register(JointAction)
class JointActionAdmin(ProgrammeAdmin):
    list_display = ["title", "cluster", "parent", "status", "indicator", "baseline", "target"]
    list_select_related = ["cluster", "parent"]
    list_filter = ["status", "cluster"]
    search_fields = ["title", "description", "indicator", "cluster__name"]
    autocomplete_fields = ["cluster", "parent"]
    inlines = [ProgressReportInline]
