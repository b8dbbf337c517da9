"""Figures derived from stored observations, and checks of the reported figures against them.

Nothing here is typed in: every computed number comes from the observations in the database, so
when an editor corrects a reported figure the checks follow. A failed check is published, never
hidden, and the reported figure is never changed to agree.

Figures are compared within one publication (one source, one year): a source's figures should
agree with each other. Figures of different sources for the same indicator, year and scope are
compared by their own check, so a disagreement between bodies is shown, not averaged away.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.functional import lazy
from django.utils.translation import gettext as _

from core.content_cache import cached_for_generation
from core.numbers import format_percentage
from core.persian import active_language, format_number

from .models import Observation

PERCENT = "%"
# Two sources agree when they differ by no more than this share of the larger figure.
SOURCES_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class DerivedFigure:
    key: str
    title: str
    year: int
    source: str
    value: Decimal
    unit: str
    formula: str
    numerator: Observation
    denominator: Observation


@dataclass(frozen=True)
class CheckResult:
    key: str
    title: str
    year: int
    source: str
    reported_label: str
    reported: Decimal | None
    compared_label: str
    compared: Decimal | None
    unit: str
    passed: bool
    explanation: str
    finding: str
    # The reported figures this check puts in question when it fails (observation pks).
    questions: tuple[int, ...] = ()

    @property
    def anchor(self) -> str:
        """The id of this check on the statistics page: `check-active-weavers-1393`."""
        return f"check-{self.key}-{self.year}"

    @property
    def difference(self) -> Decimal | None:
        if self.reported is None or self.compared is None:
            return None
        return self.reported - self.compared


def _num(value) -> str:
    return format_number(value, active_language())


def _with_unit(value, unit: str) -> str:
    if unit == PERCENT:
        return format_percentage(value, active_language())
    return f"{_num(value)} {unit}"


def _ratio(numerator, denominator, factor: int, places: str) -> Decimal:
    return (numerator.value / denominator.value * factor).quantize(
        Decimal(places), rounding=ROUND_HALF_UP
    )


def _derived_specs():
    """(key, title, numerator, denominator, factor, rounding, unit, formula); units translated."""
    return (
        (
            "national-share",
            _("Province share of national carpet output"),
            ("annual-production", "province"),
            ("annual-production", "national"),
            100,
            "0.1",
            PERCENT,
            _("province annual output ÷ national annual output × 100"),
        ),
        (
            "weavers-per-loom",
            _("Weavers per loom"),
            ("weavers", "province"),
            ("looms", "province"),
            1,
            "0.01",
            _("persons per loom"),
            _("weavers ÷ looms"),
        ),
        (
            "output-per-loom",
            _("Annual output per loom"),
            ("annual-production", "province"),
            ("looms", "province"),
            1,
            "0.1",
            _("m² a year per loom"),
            _("province annual output ÷ looms"),
        ),
        (
            "card-holders-share",
            _("Share of weavers holding a weaver's card"),
            ("weaver-card-holders", "province"),
            ("weavers", "province"),
            100,
            "0.1",
            PERCENT,
            _("weaver's card holders ÷ weavers × 100"),
        ),
    )


# Dates the checks never read. Each is a Jalali conversion per row loaded, and the checks load
# every observation with its indicator and source after each edit: at the benchmark's 12,000
# observations, most of a seven-second first render of a cluster page.
_UNUSED_BY_CHECKS = (
    "recorded_on",
    "updated_at",
    "indicator__updated_at",
    "source__published_on",
    "source__updated_at",
)


def _checked_rows(queryset=None) -> list:
    """The observations the checks read, with indicator and source, in (year, source, pk)
    order, loaded once."""
    queryset = queryset if queryset is not None else Observation.objects.all()
    return list(
        queryset.with_provenance().defer(*_UNUSED_BY_CHECKS).order_by("year", "source__pk", "pk")
    )


def publications(queryset=None, *, rows=None):
    """{(year, source): {(indicator slug, scope): observation}}: the figures of one publication.

    `rows`: observations already loaded by `_checked_rows` (else read from `queryset`)."""
    groups = defaultdict(dict)
    for obs in rows if rows is not None else _checked_rows(queryset):
        groups[(obs.year, obs.source)][(obs.indicator.slug, obs.scope)] = obs
    return groups


def _derive(figures, year, source) -> dict[str, DerivedFigure]:
    derived = {}
    for key, title, top, bottom, factor, places, unit, formula in _derived_specs():
        numerator, denominator = figures.get(top), figures.get(bottom)
        if numerator and denominator and denominator.value:
            derived[key] = DerivedFigure(
                key=key,
                title=title,
                year=year,
                source=str(source),
                value=_ratio(numerator, denominator, factor, places),
                unit=unit,
                formula=formula,
                numerator=numerator,
                denominator=denominator,
            )
    return derived


def derived_figures(queryset=None) -> list[DerivedFigure]:
    return [
        figure
        for (year, source), figures in publications(queryset).items()
        for figure in _derive(figures, year, source).values()
    ]


def _at_most(key, title, smaller, larger, explanation) -> CheckResult:
    """A part cannot outnumber its whole: `smaller` must not exceed `larger`."""
    unit = smaller.indicator.unit
    passed = smaller.value <= larger.value
    finding = (
        _("The figures agree.")
        if passed
        else _("%(part)s exceed %(whole)s by %(difference)s.")
        % {
            "part": smaller.indicator.name,
            "whole": larger.indicator.name,
            "difference": _with_unit(smaller.value - larger.value, unit),
        }
    )
    return CheckResult(
        key=key,
        title=title,
        year=smaller.year,
        source=str(smaller.source),
        reported_label=smaller.indicator.name,
        reported=smaller.value,
        compared_label=larger.indicator.name,
        compared=larger.value,
        unit=unit,
        passed=passed,
        explanation=explanation,
        finding=finding,
        questions=(smaller.pk,),
    )


def _publication_checks(figures, derived) -> list[CheckResult]:
    results = []
    share, reported_share = (
        derived.get("national-share"),
        figures.get(("national-share", "province")),
    )
    if share and reported_share:
        # "About 5%" is a rounded figure: it agrees if it is within one percentage point.
        passed = abs(share.value - reported_share.value) <= 1
        results.append(
            CheckResult(
                key="national-share",
                title=share.title,
                year=share.year,
                source=share.source,
                reported_label=_("Reported share"),
                reported=reported_share.value,
                compared_label=_("Computed share"),
                compared=share.value,
                unit=PERCENT,
                passed=passed,
                explanation=_(
                    "Computed as the province's annual output divided by the national output, "
                    "both as the source reports them."
                ),
                finding=_("The figures agree.")
                if passed
                else _(
                    "The source reports %(reported)s, but its own output figures "
                    "(%(province)s of %(national)s) give %(computed)s."
                )
                % {
                    "reported": _with_unit(reported_share.value, PERCENT),
                    "province": _num(share.numerator.value),
                    "national": _with_unit(
                        share.denominator.value, share.denominator.indicator.unit
                    ),
                    "computed": _with_unit(share.value, PERCENT),
                },
                questions=(reported_share.pk,),
            )
        )
    pairs = (
        (
            "active-weavers",
            _("Active weavers against weaver's card holders"),
            "active-weavers",
            "weaver-card-holders",
            _("Weavers active with a card cannot outnumber the holders of a weaver's card."),
        ),
        (
            "card-holders",
            _("Weaver's card holders against all weavers"),
            "weaver-card-holders",
            "weavers",
            _("Card holders should be no more than all weavers of the province."),
        ),
    )
    for key, title, part, whole, explanation in pairs:
        if (smaller := figures.get((part, "province"))) and (
            larger := figures.get((whole, "province"))
        ):
            results.append(_at_most(key, title, smaller, larger, explanation))
    province = figures.get(("annual-production", "province"))
    national = figures.get(("annual-production", "national"))
    if province and national:
        results.append(
            _at_most(
                "province-output",
                _("Province output against national output"),
                province,
                national,
                _("A province cannot produce more than the whole country."),
            )
        )
    return results


def _sources_differ(difference, unit: str) -> str:
    return _("The sources differ by %(difference)s.") % {"difference": _with_unit(difference, unit)}


# Formatted when shown: thousands of source comparisons can fail at once (the benchmark's data
# has 4,000), and a page shows a few of them; formatting every number cost a second a render.
_sources_differ_by = lazy(_sources_differ, str)


def _source_checks(rows) -> list[CheckResult]:
    """Where several sources report the same indicator, year and scope, do they agree?
    `rows`: from `_checked_rows`."""
    series = defaultdict(list)
    for obs in sorted(rows, key=lambda obs: obs.source_id):
        series[(obs.indicator, obs.year, obs.scope)].append(obs)
    results = []
    for (indicator, year, scope), observations in series.items():
        if len(observations) < 2:
            continue
        low = min(observations, key=lambda obs: obs.value)
        high = max(observations, key=lambda obs: obs.value)
        passed = high.value - low.value <= high.value * SOURCES_TOLERANCE
        results.append(
            CheckResult(
                key=f"sources-{indicator.slug}-{scope}",
                title=_("Sources for “%(indicator)s” (%(scope)s)")
                % {"indicator": indicator.name, "scope": Observation.Scope(scope).label},
                year=year,
                source="",
                reported_label=str(low.source),
                reported=low.value,
                compared_label=str(high.source),
                compared=high.value,
                unit=indicator.unit,
                passed=passed,
                explanation=_(
                    "Sources for the same figure should agree within one percent of the larger."
                ),
                finding=_("The sources agree.")
                if passed
                else _sources_differ_by(high.value - low.value, indicator.unit),
                questions=tuple(obs.pk for obs in observations),
            )
        )
    return results


def run_checks(queryset=None) -> list[CheckResult]:
    """Every check of every publication, then the checks between sources."""
    rows = _checked_rows(queryset)
    results = []
    for (year, source), figures in publications(rows=rows).items():
        results += _publication_checks(figures, _derive(figures, year, source))
    return results + _source_checks(rows)


def failed_checks(queryset=None) -> list[CheckResult]:
    return [check for check in run_checks(queryset) if not check.passed]


def failing_checks_by_observation(years=None) -> dict[int, list[CheckResult]]:
    """{observation pk: the failed checks that question it}, over the figures of `years` (an
    iterable of Jalali years; None: every year).

    Every check compares figures of one year (one publication, or one indicator's sources in
    a year), so the figures of a year are all a check of that year needs; a filtered view (one
    indicator) would lose the other figure a check compares with. Computed once per content
    version, language (titles are translated) and set of years: a cluster page, which shows
    the latest year, checks its few hundred figures after an edit, not the whole table.
    """
    years = None if years is None else sorted(set(years))

    def compute():
        queryset = None if years is None else Observation.objects.filter(year__in=years)
        questioned = defaultdict(list)
        for check in failed_checks(queryset):
            for pk in check.questions:
                questioned[pk].append(check)
        return dict(questioned)

    scope = "all" if years is None else ",".join(map(str, years))
    return cached_for_generation(f"carpet-failing-checks:{active_language()}:{scope}", compute)


def with_warnings(observations) -> list:
    """The observations as a list, each with `failing_checks`: the failed checks questioning it
    (empty when none), so a page shows a figure and its warnings together."""
    observations = list(observations)
    questioned = failing_checks_by_observation(years={obs.year for obs in observations})
    for obs in observations:
        obs.failing_checks = questioned.get(obs.pk, [])
    return observations
