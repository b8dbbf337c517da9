"""Writes with side effects on the cluster programme."""

from decimal import Decimal
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.persian import active_language, format_number, localize_digits

from .models import PriorityRanking
from .models.rankings import SCORE_TOLERANCE


def ranking_check(*, ranking: PriorityRanking) -> list[str]:
    """Why an edition cannot be published; an empty list means it can.

    - Ranks are unique (the database holds that) and complete: 1 to n with no gap.
    - Scores are all given or all left unreported; given scores fall as ranks rise (ties allowed).
    - Where an edition has criteria with weights, every criterion is weighted, every ranked
      cluster is scored on every criterion, and its total equals the sum of weight × criterion
      score within SCORE_TOLERANCE.
    An edition that reports no criteria, weights or scores (like the first one) passes on ranks.
    """
    problems = []
    entries = list(ranking.entries.select_related("cluster").prefetch_related("criterion_scores"))
    ranks = sorted(entry.rank for entry in entries)
    if not entries:
        return [_("The edition ranks no cluster.")]
    if ranks != list(range(1, len(entries) + 1)):
        problems.append(
            _("Ranks must run from 1 to %(count)s with no gap or repeat; they are %(ranks)s.")
            % {"count": len(entries), "ranks": list_separator().join(str(rank) for rank in ranks)}
        )

    scored = [entry for entry in entries if entry.score is not None]
    if scored and len(scored) != len(entries):
        problems.append(_("Give a total score to every ranked cluster, or to none."))
    elif scored:
        by_rank = sorted(entries, key=lambda entry: entry.rank)
        for better, worse in pairwise(by_rank):
            if worse.score > better.score:
                problems.append(
                    _("%(worse)s scores more than %(better)s but is ranked below it.")
                    % {"worse": worse.cluster, "better": better.cluster}
                )

    criteria = list(ranking.criteria.all())
    weighted = [criterion for criterion in criteria if criterion.weight is not None]
    if weighted and len(weighted) != len(criteria):
        problems.append(_("Give a weight to every criterion, or to none."))
    elif weighted:
        problems += _weighted_sum_problems(entries, criteria)
    return [localize_digits(problem) for problem in problems]


def _weighted_sum_problems(entries, criteria) -> list[str]:
    problems = []
    tolerance = Decimal(SCORE_TOLERANCE)
    for entry in entries:
        scores = {score.criterion_id: score.score for score in entry.criterion_scores.all()}
        missing = [str(criterion) for criterion in criteria if criterion.pk not in scores]
        if missing:
            problems.append(
                _("%(cluster)s has no score for: %(criteria)s.")
                % {"cluster": entry.cluster, "criteria": list_separator().join(missing)}
            )
            continue
        expected = sum(criterion.weight * scores[criterion.pk] for criterion in criteria)
        if entry.score is None or abs(entry.score - expected) > tolerance:
            problems.append(
                _("The total score of %(cluster)s should be %(expected)s (weights × scores).")
                % {
                    "cluster": entry.cluster,
                    "expected": format_number(expected, active_language(), 2),
                }
            )
    return problems


def list_separator() -> str:
    """ "، " on Persian pages, ", " on English ones: the same msgid the templates use."""
    return pgettext("list separator", ",") + " "


def ranking_is_locked(ranking: PriorityRanking | None) -> bool:
    """A published (current) edition, its entries, criteria and scores are read-only: they were
    checked when published, and an edit would change the public ranking unchecked. The office
    prepares a new edition and publishes it, which checks it again."""
    return ranking is not None and ranking.is_current


@transaction.atomic
def ranking_publish(*, ranking: PriorityRanking) -> PriorityRanking:
    """Make an edition the current one, if it is complete and consistent; else change nothing."""
    ranking = PriorityRanking.objects.select_for_update().get(pk=ranking.pk)
    problems = ranking_check(ranking=ranking)
    if problems:
        raise ValidationError(problems)
    PriorityRanking.objects.filter(is_current=True).exclude(pk=ranking.pk).update(is_current=False)
    ranking.is_current = True
    ranking.published_at = ranking.published_at or timezone.now()
    ranking.full_clean()
    ranking.save(update_fields=["is_current", "published_at"])
    return ranking
