"""Figures derived from stored observations, and checks of the reported figures against them.

Nothing here is typed in: every computed number comes from the observations in the database, so
when an editor corrects a reported figure the checks follow. A failed check is published, never
hidden, and the reported figure is never changed to agree.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .models import Observation


@dataclass(frozen=True)
class CheckResult:
    key: str
    title: str
    year: int
    reported_label: str
    reported: Decimal | None
    compared_label: str
    compared: Decimal | None
    unit: str
    passed: bool
    explanation: str


def _value(observations, slug, scope="province"):
    return observations.get((slug, scope))


def _latest_values(year: int | None = None):
    """{(indicator slug, scope): observation} for one year (the latest reported by default)."""
    queryset = Observation.objects.with_provenance().order_by("year", "pk")
    if year is not None:
        queryset = queryset.filter(year=year)
    return {(obs.indicator.slug, obs.scope): obs for obs in queryset}


def national_share(observations) -> CheckResult | None:
    """Province output as a share of national output, against the share the source reports."""
    province = _value(observations, "annual-production", "province")
    national = _value(observations, "annual-production", "national")
    reported = _value(observations, "national-share", "province")
    if not (province and national and national.value):
        return None
    computed = (province.value / national.value * 100).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    reported_value = reported.value if reported else None
    # "About 5%" is a rounded figure: it agrees if it is within one percentage point.
    passed = reported_value is None or abs(computed - reported_value) <= 1
    return CheckResult(
        key="national-share",
        title=str(_("Province share of national carpet output")),
        year=province.year,
        reported_label=str(_("Reported share")),
        reported=reported_value,
        compared_label=str(_("Computed share")),
        compared=computed,
        unit="%",
        passed=passed,
        explanation=str(
            _(
                "Computed as the province's annual output divided by the national output, "
                "both as the source reports them."
            )
        ),
    )


def active_within_card_holders(observations) -> CheckResult | None:
    """Active weavers holding a card cannot outnumber the card holders."""
    holders = _value(observations, "weaver-card-holders")
    active = _value(observations, "active-weavers")
    if not (holders and active):
        return None
    return CheckResult(
        key="active-weavers",
        title=str(_("Active weavers against weaver's card holders")),
        year=active.year,
        reported_label=str(_("Active weavers")),
        reported=active.value,
        compared_label=str(_("Weaver's card holders")),
        compared=holders.value,
        unit=str(_("persons")),
        passed=active.value <= holders.value,
        explanation=str(
            _("Weavers active with a card cannot outnumber the holders of a weaver's card.")
        ),
    )


def card_holders_within_weavers(observations) -> CheckResult | None:
    """Card holders are a part of all weavers in the province."""
    weavers = _value(observations, "weavers")
    holders = _value(observations, "weaver-card-holders")
    if not (weavers and holders):
        return None
    return CheckResult(
        key="card-holders",
        title=str(_("Weaver's card holders against all weavers")),
        year=holders.year,
        reported_label=str(_("Weaver's card holders")),
        reported=holders.value,
        compared_label=str(_("All weavers")),
        compared=weavers.value,
        unit=str(_("persons")),
        passed=holders.value <= weavers.value,
        explanation=str(_("Card holders should be no more than all weavers of the province.")),
    )


CHECKS = (national_share, active_within_card_holders, card_holders_within_weavers)


def run_checks(year: int | None = None) -> list[CheckResult]:
    observations = _latest_values(year)
    return [result for check in CHECKS if (result := check(observations)) is not None]
