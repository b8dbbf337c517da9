from modeltranslation.translator import TranslationOptions, register

from .models import (
    Advantage,
    Cluster,
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


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "parent_organization", "established", "summary")
    required_languages = {"fa": ("name", "parent_organization", "established", "summary")}


@register(InfoPage)
class InfoPageTranslation(TranslationOptions):
    fields = ("title", "lead", "body")
    required_languages = {"fa": ("title", "body")}


@register(LegalBasis)
class LegalBasisTranslation(TranslationOptions):
    fields = ("title", "instrument", "summary")
    required_languages = {"fa": ("title", "instrument", "summary")}


@register(Advantage)
class AdvantageTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"fa": ("title", "description")}


@register(Cluster)
class ClusterTranslation(TranslationOptions):
    fields = ("name", "summary", "profile")
    required_languages = {"fa": ("name", "summary", "profile")}


@register(PriorityRanking)
class PriorityRankingTranslation(TranslationOptions):
    fields = ("title", "approved_by", "note")
    required_languages = {"fa": ("title",)}


@register(RankedCluster)
class RankedClusterTranslation(TranslationOptions):
    fields = ("rationale",)


@register(DevelopmentProject)
class DevelopmentProjectTranslation(TranslationOptions):
    fields = ("agent_name", "agent_organization", "technical_supervisor", "status_note")


@register(RankingCriterion)
class RankingCriterionTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"fa": ("name",)}


@register(TeamMember)
class TeamMemberTranslation(TranslationOptions):
    fields = ("name", "role")
    required_languages = {"fa": ("name",)}


@register(GovernanceBody)
class GovernanceBodyTranslation(TranslationOptions):
    fields = ("members", "note")


@register(ProjectPhase)
class ProjectPhaseTranslation(TranslationOptions):
    fields = ("note",)


@register(JointAction)
class JointActionTranslation(TranslationOptions):
    fields = ("title", "description", "indicator", "unit")
    required_languages = {"fa": ("title",)}


@register(ProgressReport)
class ProgressReportTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = {"fa": ("text",)}
