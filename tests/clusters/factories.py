"""Rows the source document does not report, built for tests only (never loaded as content)."""

from decimal import Decimal

import jdatetime

from clusters.models import (
    Cluster,
    JointAction,
    PriorityRanking,
    ProgressReport,
    RankedCluster,
    RankingCriterion,
)


def make_cluster(slug, name, sector=Cluster.Sector.HANDICRAFT):
    return Cluster.objects.create(
        slug=slug, name_fa=name, sector=sector, summary_fa="—", profile_fa="—"
    )


def make_joint_action(cluster=None, **fields):
    cluster = cluster or Cluster.objects.get(slug="knife")
    values = {
        "title_fa": "نمایشگاه مشترک چاقوسازان",
        "indicator_fa": "کارگاه‌های شرکت‌کننده",
        "unit_fa": "کارگاه",
        "baseline": Decimal(4),
        "target": Decimal(20),
        "status": JointAction.Status.IN_PROGRESS,
    }
    action = JointAction.objects.create(cluster=cluster, **(values | fields))
    ProgressReport.objects.create(
        action=action,
        reported_on=jdatetime.date(1394, 2, 10),
        actual=Decimal(9),
        text_fa="گزارش یکم",
    )
    ProgressReport.objects.create(
        action=action,
        reported_on=jdatetime.date(1394, 6, 1),
        actual=Decimal(12),
        text_fa="گزارش دوم",
    )
    return action


def make_scored_edition(*, weights=(Decimal("0.6"), Decimal("0.4")), totals=None):
    """A hand-worked second edition of the six clusters with two criteria.

    Criterion scores are chosen so the weighted sums (0.6 × a + 0.4 × b) are worked out by hand:
    zinc 0.6×90+0.4×80 = 86, carpet 0.6×80+0.4×85 = 82, knife 0.6×70+0.4×75 = 72,
    tourism 0.6×60+0.4×70 = 64, olive 0.6×55+0.4×50 = 53, dairy 0.6×40+0.4×45 = 42.
    """
    criteria_scores = {
        "zinc": (90, 80),
        "handmade-carpet": (80, 85),
        "knife": (70, 75),
        "tourism": (60, 70),
        "olive": (55, 50),
        "dairy": (40, 45),
    }
    hand_totals = {"zinc": 86, "handmade-carpet": 82, "knife": 72, "tourism": 64, "olive": 53}
    hand_totals["dairy"] = 42
    totals = totals or hand_totals
    ranking = PriorityRanking.objects.create(
        title_fa="اولویت‌بندی ۱۳۹۴",
        year=1394,
        approved_by_fa="کارگروه صنایع کوچک استان",
        approved_on=jdatetime.date(1394, 3, 15),
    )
    employment = RankingCriterion.objects.create(
        ranking=ranking, order=1, name_fa="اشتغال", weight=weights[0]
    )
    exports = RankingCriterion.objects.create(
        ranking=ranking, order=2, name_fa="صادرات", weight=weights[1]
    )
    for rank, (slug, (first, second)) in enumerate(criteria_scores.items(), start=1):
        entry = RankedCluster.objects.create(
            ranking=ranking,
            cluster=Cluster.objects.get(slug=slug),
            rank=rank,
            score=totals[slug],
            rationale_fa=f"دلیل رتبه {slug}",
        )
        entry.criterion_scores.create(criterion=employment, score=first)
        entry.criterion_scores.create(criterion=exports, score=second)
    return ranking
