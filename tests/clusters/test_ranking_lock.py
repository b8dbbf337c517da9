"""A published ranking edition cannot be changed without being checked again: it, its ranks,
criteria and scores are read-only in the admin, with a Persian message that says what to do."""

from clusters.models import PriorityRanking, RankedCluster
from tests.helpers import page_text


def test_the_current_edition_page_is_a_view_with_the_reason(staff_client, content):
    edition = PriorityRanking.objects.get(is_current=True)
    page = staff_client.get(f"/admin/clusters/priorityranking/{edition.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page_text(page)
    assert "ویرایش تازه" in page_text(page)


def test_a_posted_change_of_a_current_rank_is_refused_and_changes_nothing(staff_client, content):
    entry = RankedCluster.objects.filter(ranking__is_current=True).order_by("rank").first()
    url = f"/admin/clusters/rankedcluster/{entry.pk}/change/"
    response = staff_client.post(
        url, {"rank": 6, "cluster": entry.cluster_id, "ranking": entry.ranking_id}
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.rank == 1


def test_an_edition_being_prepared_stays_editable(staff_client, content):
    draft = PriorityRanking.objects.create(title="ویرایش ۱۴۰۵", year=1405)
    page = staff_client.get(f"/admin/clusters/priorityranking/{draft.pk}/change/")
    assert 'name="_save"' in page_text(page)
