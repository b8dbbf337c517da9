"""The content command: the source document's facts, loaded exactly, any number of times."""

from decimal import Decimal

import jdatetime
import pytest
from django.apps import apps
from django.core.management import call_command

from carpets.models import Observation
from clusters.models import Cluster, DevelopmentProject, LegalBasis, Office, PriorityRanking
from news.models import Post


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for app in ("clusters", "carpets", "news")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db
def test_loading_twice_duplicates_nothing():
    call_command("load_content", verbosity=0)
    first = row_counts()
    call_command("load_content", verbosity=0)
    assert row_counts() == first
    assert first["clusters.Cluster"] == 6
    assert first["clusters.LegalBasis"] == 3
    assert first["clusters.Advantage"] == 7


@pytest.mark.django_db
def test_demo_news_is_separate_from_the_content_and_idempotent():
    call_command("load_content", verbosity=0)
    assert Post.objects.count() == 0
    call_command("load_demo", verbosity=0)
    count = Post.objects.count()
    call_command("load_demo", verbosity=0)
    assert Post.objects.count() == count > 0
    assert not Post.objects.filter(is_demo=False).exists()


def test_the_six_priority_clusters_are_ranked_as_the_source_says(content):
    assert [c.slug for c in Cluster.objects.ranked()] == [
        "zinc",
        "handmade-carpet",
        "knife",
        "tourism",
        "olive",
        "dairy",
    ]
    assert PriorityRanking.objects.current().note_fa.count("۱۳۹۳") == 1


# (indicator, scope, value) exactly as in the source document.
SOURCE_FIGURES = [
    ("establishment-licences", "province", "1"),
    ("weavers", "province", "66000"),
    ("looms", "province", "23000"),
    ("cooperatives", "province", "18"),
    ("production-unions", "province", "1"),
    ("associations-being-founded", "province", "1"),
    ("dyeing-units", "province", "10"),
    ("schools", "province", "6"),
    ("producing-units", "province", "800"),
    ("weaver-card-holders", "province", "23600"),
    ("active-weavers", "province", "25000"),
    ("annual-production", "province", "350000"),
    ("annual-production", "national", "4500000"),
    ("national-share", "province", "5"),
    ("trade-permits", "province", "600"),
    ("production-licences", "province", "50"),
    ("designers", "province", "8"),
]


@pytest.mark.parametrize(("indicator", "scope", "value"), SOURCE_FIGURES)
def test_every_carpet_figure_is_stored_exactly_for_1393(content, indicator, scope, value):
    observation = Observation.objects.get(indicator__slug=indicator, scope=scope)
    assert observation.value == Decimal(value)
    assert observation.year == 1393
    assert observation.indicator.unit_fa
    assert observation.source.published_on == jdatetime.date(1393, 8, 28)


def test_approximate_figures_are_flagged_as_estimates(content):
    estimates = set(
        Observation.objects.filter(is_estimate=True).values_list("indicator__slug", flat=True)
    )
    assert estimates == {"weavers", "annual-production", "national-share"}


def test_office_dates_and_carpet_agent_status(content):
    assert Office.objects.get().content_updated_on == jdatetime.date(1393, 8, 28)
    project = DevelopmentProject.objects.get(cluster__slug="handmade-carpet")
    assert project.agent_selection == DevelopmentProject.AgentSelection.FINAL_STAGE
    assert project.contract_years == 3


def test_every_record_has_an_english_translation(content):
    for basis in LegalBasis.objects.all():
        assert basis.title_en and basis.summary_en
    for cluster in Cluster.objects.all():
        assert cluster.name_en and cluster.profile_en
