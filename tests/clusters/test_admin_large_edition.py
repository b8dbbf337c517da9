"""A ranking edition of many clusters opens fast: its entries are listed, each with its link."""

from clusters.models import Cluster, PriorityRanking, RankedCluster
from tests.conftest import page_text


def _edition(size):
    clusters = Cluster.objects.bulk_create(
        Cluster(slug=f"c-{index}", name_fa=f"خوشه شماره {index}", sector="manufacturing")
        for index in range(size)
    )
    ranking = PriorityRanking.objects.create(title_fa="ویرایش بزرگ", year=1404)
    entries = RankedCluster.objects.bulk_create(
        RankedCluster(ranking=ranking, cluster=cluster, rank=rank)
        for rank, cluster in enumerate(clusters, start=1)
    )
    return ranking, entries


def test_a_large_edition_lists_its_entries_with_their_links(staff_client, db):
    ranking, entries = _edition(51)
    html = page_text(staff_client.get(f"/admin/clusters/priorityranking/{ranking.pk}/change/"))
    assert 'name="entries-0-rank"' not in html  # no box to type in
    assert "خوشه شماره 50" in html
    assert f"/admin/clusters/rankedcluster/{entries[50].pk}/change/" in html


def test_a_small_edition_is_edited_in_place(staff_client, db):
    ranking, _entries = _edition(6)
    html = page_text(staff_client.get(f"/admin/clusters/priorityranking/{ranking.pk}/change/"))
    assert 'name="entries-0-rank"' in html
    assert "خوشه شماره 5" in html  # the autocomplete box names its cluster
