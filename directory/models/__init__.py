from .documents import Document
from .glossary import Question, Term
from .organisations import County, KindCount, Organisation, OrganisationKind, ReportedFigure

__all__ = [
    "County",
    "Document",
    "KindCount",
    "Organisation",
    "OrganisationKind",
    "Question",
    "ReportedFigure",
    "Term",
]
