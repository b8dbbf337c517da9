"""The cluster programme's models, one module per part of the programme."""

from .about import Advantage, InfoPage, LegalBasis, Office
from .actions import JointAction, ProgressReport
from .clusters import Cluster
from .projects import DevelopmentProject, GovernanceBody, ProjectPhase, TeamMember
from .rankings import CriterionScore, PriorityRanking, RankedCluster, RankingCriterion

__all__ = [
    "Advantage",
    "Cluster",
    "CriterionScore",
    "DevelopmentProject",
    "GovernanceBody",
    "InfoPage",
    "JointAction",
    "LegalBasis",
    "Office",
    "PriorityRanking",
    "ProgressReport",
    "ProjectPhase",
    "RankedCluster",
    "RankingCriterion",
    "TeamMember",
]
