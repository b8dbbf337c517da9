import pytest
from django.db import IntegrityError, transaction

from clusters.models import Cluster, PriorityRanking, RankedCluster


def make_cluster(slug, name):
    return Cluster.objects.create(
        slug=slug, name_fa=name, sector=Cluster.Sector.HANDICRAFT, summary_fa="—", profile_fa="—"
    )


@pytest.mark.django_db
def test_ranked_lists_clusters_of_the_current_edition_in_rank_order():
    knife, zinc = make_cluster("knife", "چاقو"), make_cluster("zinc", "روی")
    old = PriorityRanking.objects.create(title_fa="قدیم", is_current=False)
    current = PriorityRanking.objects.create(title_fa="کنونی", is_current=True)
    RankedCluster.objects.create(ranking=old, cluster=knife, rank=1)
    RankedCluster.objects.create(ranking=old, cluster=zinc, rank=2)
    RankedCluster.objects.create(ranking=current, cluster=zinc, rank=1)
    RankedCluster.objects.create(ranking=current, cluster=knife, rank=2)

    assert [(c.slug, c.rank) for c in Cluster.objects.ranked()] == [("zinc", 1), ("knife", 2)]
    assert [c.slug for c in Cluster.objects.ranked(old)] == ["knife", "zinc"]


@pytest.mark.django_db
def test_ranked_is_empty_without_a_current_edition():
    make_cluster("zinc", "روی")
    assert list(Cluster.objects.ranked()) == []


@pytest.mark.django_db
def test_only_one_edition_can_be_current():
    PriorityRanking.objects.create(title_fa="یک", is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        PriorityRanking.objects.create(title_fa="دو", is_current=True)


@pytest.mark.django_db
def test_two_clusters_cannot_share_a_rank_in_one_edition():
    ranking = PriorityRanking.objects.create(title_fa="یک", is_current=True)
    RankedCluster.objects.create(ranking=ranking, cluster=make_cluster("a", "الف"), rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        RankedCluster.objects.create(ranking=ranking, cluster=make_cluster("b", "ب"), rank=1)


@pytest.mark.django_db
def test_a_cluster_appears_once_per_edition():
    ranking = PriorityRanking.objects.create(title_fa="یک", is_current=True)
    cluster = make_cluster("a", "الف")
    RankedCluster.objects.create(ranking=ranking, cluster=cluster, rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        RankedCluster.objects.create(ranking=ranking, cluster=cluster, rank=2)


@pytest.mark.django_db
def test_rank_zero_is_refused():
    ranking = PriorityRanking.objects.create(title_fa="یک", is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        RankedCluster.objects.create(ranking=ranking, cluster=make_cluster("a", "الف"), rank=0)


@pytest.mark.django_db
def test_a_ranking_year_must_be_a_jalali_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        PriorityRanking.objects.create(title_fa="یک", year=2014)


@pytest.mark.django_db
def test_english_falls_back_to_persian():
    from django.utils import translation

    cluster = make_cluster("zinc", "خوشه روی")
    with translation.override("en"):
        assert Cluster.objects.get(pk=cluster.pk).name == "خوشه روی"


@pytest.mark.django_db
def test_a_contract_cannot_end_before_it_starts():
    import jdatetime

    from clusters.models import DevelopmentProject

    with pytest.raises(IntegrityError), transaction.atomic():
        DevelopmentProject.objects.create(
            cluster=make_cluster("a", "الف"),
            contract_start=jdatetime.date(1394, 1, 1),
            contract_end=jdatetime.date(1393, 12, 1),
        )


@pytest.mark.django_db
def test_a_project_has_each_unido_phase_once_and_only_eight_phases():
    from clusters.models import DevelopmentProject, ProjectPhase

    project = DevelopmentProject.objects.create(cluster=make_cluster("a", "الف"))
    ProjectPhase.objects.create(project=project, phase=ProjectPhase.Phase.DIAGNOSTIC)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPhase.objects.create(project=project, phase=ProjectPhase.Phase.DIAGNOSTIC)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPhase.objects.create(project=project, phase=9)


@pytest.mark.django_db
def test_a_phase_ending_before_it_starts_is_refused_in_persian():
    import jdatetime
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from clusters.models import DevelopmentProject, ProjectPhase

    project = DevelopmentProject.objects.create(cluster=make_cluster("a", "الف"))
    phase = ProjectPhase(
        project=project,
        phase=ProjectPhase.Phase.TRUST,
        actual_start=jdatetime.date(1395, 5, 1),
        actual_end=jdatetime.date(1395, 4, 1),
    )
    with translation.override("fa"), pytest.raises(ValidationError) as caught:
        phase.full_clean()
    assert caught.value.message_dict["actual_end"] == [
        "یک مرحله نمی‌تواند پیش از آغازش به پایان برسد."
    ]


@pytest.mark.django_db
def test_a_criterion_weight_must_be_positive_when_given():
    from clusters.models import RankingCriterion

    ranking = PriorityRanking.objects.create(title_fa="یک")
    RankingCriterion.objects.create(ranking=ranking, name_fa="نامعلوم", weight=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        RankingCriterion.objects.create(ranking=ranking, name_fa="صفر", weight=0)


@pytest.mark.django_db
def test_a_sub_project_must_belong_to_its_parents_cluster():
    from django.core.exceptions import ValidationError

    from clusters.models import JointAction

    parent = JointAction.objects.create(cluster=make_cluster("a", "الف"), title_fa="اصلی")
    child = JointAction(cluster=make_cluster("b", "ب"), parent=parent, title_fa="فرعی")
    with pytest.raises(ValidationError) as caught:
        child.full_clean()
    assert "parent" in caught.value.message_dict
