"""Load the directory's seed content (reported counts, the named union, glossary, FAQ).

Run it any number of times: rows are keyed by natural keys, nothing is duplicated.
"""

from clusters.models import Cluster
from core.loading import translated

from .models import Organisation, Question, ReportedFigure, Term


def load_directory(data: dict) -> None:
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    for figure in data["reported_figures"]:
        ReportedFigure.objects.update_or_create(
            cluster=clusters[figure["cluster"]],
            kind=figure["kind"],
            year=figure["year"],
            defaults={"value": figure["value"], **translated(figure, "qualifier", "source")},
        )
    for record in data["organisations"]:
        Organisation.objects.update_or_create(
            cluster=clusters[record["cluster"]],
            kind=record["kind"],
            name_fa=record["name"]["fa"],
            defaults={
                "county": record["county"],
                **translated(record, "name", "city", "description", "address"),
            },
        )
    for term in data["terms"]:
        Term.objects.update_or_create(
            slug=term["slug"],
            defaults={
                "order": term["order"],
                **translated(term, "term", "other_forms", "definition"),
            },
        )
    for question in data["questions"]:
        Question.objects.update_or_create(
            slug=question["slug"],
            defaults={"order": question["order"], **translated(question, "question", "answer")},
        )
