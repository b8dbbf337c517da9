from decimal import Decimal

import pytest
from django.utils import translation

from carpets.checks import derived_figures, failed_checks, run_checks
from carpets.models import Observation
from tests.carpets.factories import make_observation, make_source


def checks_by_key():
    return {check.key: check for check in run_checks()}


def test_share_of_national_output_is_computed_not_typed(content):
    share = checks_by_key()["national-share"]
    assert share.reported == Decimal("5")
    assert share.compared == Decimal("7.8")  # 350,000 / 4,500,000
    assert not share.passed


def test_more_active_weavers_than_card_holders_is_flagged(content):
    check = checks_by_key()["active-weavers"]
    assert (check.reported, check.compared) == (Decimal("25000"), Decimal("23600"))
    assert not check.passed


def test_card_holders_within_all_weavers_passes(content):
    assert checks_by_key()["card-holders"].passed


def test_checks_follow_a_corrected_figure(content):
    national = Observation.objects.get(indicator__slug="annual-production", scope="national")
    national.value = Decimal("7000000")
    national.save()
    share = checks_by_key()["national-share"]
    assert share.compared == Decimal("5.0")
    assert share.passed


def test_no_checks_without_data(db):
    assert run_checks() == []


def derived_by_key():
    return {figure.key: figure for figure in derived_figures()}


def test_derived_figures_come_from_the_stored_values(content):
    figures = derived_by_key()
    # By hand: 66,000 / 23,000; 350,000 / 23,000; 23,600 / 66,000 × 100.
    assert figures["weavers-per-loom"].value == Decimal("2.87")
    assert figures["output-per-loom"].value == Decimal("15.2")
    assert figures["card-holders-share"].value == Decimal("35.8")
    assert figures["national-share"].value == Decimal("7.8")


def test_province_output_within_national_output_passes(content):
    assert checks_by_key()["province-output"].passed


def test_failed_checks_are_exactly_the_two_contradictions(content):
    assert sorted(check.key for check in failed_checks()) == ["active-weavers", "national-share"]


def test_the_finding_states_the_difference_in_plain_words(content):
    with translation.override("en"):
        checks = checks_by_key()
    assert "exceed" in checks["active-weavers"].finding
    assert "1,400" in checks["active-weavers"].finding  # 25,000 − 23,600
    assert "5%" in checks["national-share"].finding and "7.8%" in checks["national-share"].finding


@pytest.fixture
def second_source(content):
    return make_source()


def test_a_second_source_is_kept_and_its_disagreement_flagged(content, second_source):
    make_observation("looms", 1393, "21000", source=second_source)
    assert Observation.objects.filter(indicator__slug="looms", year=1393).count() == 2
    check = checks_by_key()["sources-looms-province"]
    assert (check.reported, check.compared) == (Decimal("21000"), Decimal("23000"))
    assert not check.passed


def test_sources_within_one_percent_agree(content, second_source):
    make_observation("looms", 1393, "22800", source=second_source)
    assert checks_by_key()["sources-looms-province"].passed


def test_checks_never_mix_years(content):
    make_observation("annual-production", 1394, "1000000", scope=Observation.Scope.NATIONAL)
    shares = [check for check in run_checks() if check.key == "national-share"]
    assert [(check.year, check.compared) for check in shares] == [(1393, Decimal("7.8"))]
