"""Publishing a ranking edition: only complete, consistent editions become current."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from clusters.models import Cluster, PriorityRanking, RankedCluster
from clusters.services import ranking_publish
from tests.clusters.factories import make_scored_edition

FIRST_EDITION = "اولویت‌بندی خوشه‌های صنعتی استان زنجان"


def current_title():
    return PriorityRanking.objects.current().title_fa


def refused(ranking):
    with pytest.raises(ValidationError) as caught:
        ranking_publish(ranking=ranking)
    assert current_title() == FIRST_EDITION, "a refused edition must change nothing"
    return " ".join(caught.value.messages)


def test_a_consistent_edition_becomes_current_and_the_first_one_earlier(content):
    edition = make_scored_edition()
    ranking_publish(ranking=edition)
    assert current_title() == "اولویت‌بندی ۱۳۹۴"
    assert list(PriorityRanking.objects.earlier().values_list("title_fa", flat=True)) == [
        FIRST_EDITION
    ]
    assert [c.slug for c in Cluster.objects.ranked()][:2] == ["zinc", "handmade-carpet"]


def test_the_first_edition_without_criteria_or_scores_can_be_republished(content):
    first = PriorityRanking.objects.get(title_fa=FIRST_EDITION)
    ranking_publish(ranking=make_scored_edition())
    ranking_publish(ranking=first)
    assert current_title() == FIRST_EDITION


def test_a_gap_in_the_ranks_is_refused(content):
    edition = make_scored_edition()
    edition.entries.filter(rank=6).update(rank=7)
    assert "رتبه‌ها باید بی‌فاصله و بی‌تکرار از ۱ تا ۶ باشند" in refused(edition)


def test_a_total_that_is_not_the_weighted_sum_is_refused(content):
    # Knife: 0.6 × 70 + 0.4 × 75 = 72, not 71.
    totals = {"zinc": 86, "handmade-carpet": 82, "knife": 71}
    totals |= {"tourism": 64, "olive": 53, "dairy": 42}
    message = refused(make_scored_edition(totals=totals))
    assert "امتیاز کل «خوشه صنعت چاقو» باید ۷۲ باشد" in message


def test_a_higher_score_ranked_lower_is_refused(content):
    edition = make_scored_edition()
    RankedCluster.objects.filter(ranking=edition, cluster__slug="dairy").update(score=99)
    message = refused(edition)
    assert "امتیاز «خوشه فرآورده‌های لبنی» از «خوشه زیتون و فرآوری آن» بیشتر است" in message


def test_a_missing_criterion_score_is_refused(content):
    edition = make_scored_edition()
    entry = RankedCluster.objects.get(ranking=edition, cluster__slug="olive")
    entry.criterion_scores.filter(criterion__name_fa="صادرات").delete()
    assert "«خوشه زیتون و فرآوری آن» برای این معیارها امتیاز ندارد: صادرات" in refused(edition)


def test_some_weights_unknown_is_refused(content):
    edition = make_scored_edition()
    edition.criteria.filter(name_fa="صادرات").update(weight=None)
    assert "یا به همه معیارها وزن بدهید" in refused(edition)


def test_scores_for_only_some_clusters_are_refused(content):
    edition = make_scored_edition()
    RankedCluster.objects.filter(ranking=edition, cluster__slug="knife").update(score=None)
    assert "یا به همه خوشه‌های رتبه‌بندی‌شده امتیاز کل بدهید" in refused(edition)


def test_an_empty_edition_is_refused(content):
    empty = PriorityRanking.objects.create(title_fa="خالی")
    assert "هیچ خوشه‌ای را رتبه‌بندی نکرده" in refused(empty)


def test_a_total_within_the_tolerance_passes(content):
    # Equal weights: zinc 0.5 × 90 + 0.5 × 80 = 85; 85.01 is within 0.01 of it.
    totals = {"zinc": Decimal("85.01"), "handmade-carpet": Decimal("82.5")}
    totals |= {"knife": Decimal("72.5"), "tourism": 65, "olive": Decimal("52.5")}
    totals |= {"dairy": Decimal("42.5")}
    edition = make_scored_edition(weights=(Decimal("0.5"), Decimal("0.5")), totals=totals)
    ranking_publish(ranking=edition)
    assert current_title() == "اولویت‌بندی ۱۳۹۴"


def test_a_total_just_beyond_the_tolerance_is_refused(content):
    totals = {"zinc": Decimal("85.02"), "handmade-carpet": Decimal("82.5")}
    totals |= {"knife": Decimal("72.5"), "tourism": 65, "olive": Decimal("52.5")}
    totals |= {"dairy": Decimal("42.5")}
    edition = make_scored_edition(weights=(Decimal("0.5"), Decimal("0.5")), totals=totals)
    assert "امتیاز کل «خوشه روی» باید ۸۵ باشد" in refused(edition)


def test_the_refusal_lists_ranks_with_the_separator_of_the_language(content):
    from django.utils import translation

    edition = make_scored_edition()
    edition.entries.filter(rank=6).update(rank=7)
    with translation.override("en"):
        assert "they are 1, 2, 3, 4, 5, 7." in refused(edition)
