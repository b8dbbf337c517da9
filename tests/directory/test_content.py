"""The seed content: the counts of the source document, no invented names, loaded idempotently."""

from django.core.management import call_command

from clusters.models import Cluster
from core.loading import read_fixture
from directory.content import load_directory
from directory.models import Organisation, Question, ReportedFigure, Term
from directory.models.organisations import kind_counts


def counts():
    return [model.objects.count() for model in (Organisation, ReportedFigure, Term, Question)]


def test_loading_twice_changes_nothing(content):
    first = counts()
    call_command("load_content", verbosity=0)
    load_directory(read_fixture("content/directory.json"))
    assert counts() == first
    assert first[0] == 1 and first[1] == 5 and first[2] >= 7 and first[3] >= 5


def test_carpet_counts_are_the_source_documents_figures_of_1393(content):
    carpet = Cluster.objects.get(slug="handmade-carpet")
    reported = {
        figure.kind: (figure.value, figure.year)
        for figure in ReportedFigure.objects.filter(cluster=carpet)
    }
    # From the source: 18 cooperatives, 1 union, 1 association being founded,
    # 10 traditional dyeing units, 6 design, drafting and weaving schools (1393).
    assert reported == {
        "cooperative": (18, 1393),
        "union": (1, 1393),
        "association": (1, 1393),
        "dyeing_unit": (10, 1393),
        "training_school": (6, 1393),
    }


def test_the_only_named_organisation_is_the_rural_carpet_union(content):
    union = Organisation.objects.get()
    assert union.name_fa == "اتحادیه فرش روستایی"
    assert (union.kind, union.cluster.slug) == ("union", "handmade-carpet")
    assert union.county == ""  # the source does not say where it is
    assert not union.has_public_contact


def test_union_count_is_computed_and_the_rest_are_reported(content):
    rows = {row.kind: row for row in kind_counts(Cluster.objects.get(slug="handmade-carpet"))}
    assert rows["union"].complete and rows["union"].listed == 1
    for kind in ("cooperative", "association", "dyeing_unit", "training_school"):
        assert not rows[kind].complete
        assert rows[kind].listed == 0


def test_glossary_holds_the_issues_terms_in_both_languages(content):
    terms = {term.slug: term for term in Term.objects.all()}
    for slug in (
        "industrial-cluster",
        "cluster-development-agent",
        "diagnostic-study",
        "trust-building",
        "action-plan",
        "joint-action",
        "unido",
    ):
        assert terms[slug].definition_fa and terms[slug].definition_en
