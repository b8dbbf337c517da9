from decimal import Decimal

from carpets.checks import run_checks
from carpets.models import Observation


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
