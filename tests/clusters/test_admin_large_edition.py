"""A ranking edition of many clusters opens fast: its entries are listed, each with its link."""

from clusters.models import Cluster, PriorityRanking, RankedCluster
from tests.helpers import page_text


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


def test_saving_a_large_edition_leaves_its_entries_as_they_are(staff_client, db):
    """The listed entries carry no form: the edition's own fields save, its 51 entries stay."""
    ranking, _entries = _edition(51)
    url = f"/admin/clusters/priorityranking/{ranking.pk}/change/"
    page = staff_client.get(url)
    assert "۵۱ ردیف" in page_text(page)
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not hasattr(value, "pk")
    }
    data.update({"title_fa": "ویرایش بزرگ، بازبینی‌شده", "year": 1404, "_save": "ذخیره"})
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[management.add_prefix(name)] = management.initial.get(name, field.initial) or 0
    saved = staff_client.post(url, data)
    assert saved.status_code == 302, page_text(saved)[:2000]
    ranking.refresh_from_db()
    assert ranking.title_fa == "ویرایش بزرگ، بازبینی‌شده"
    assert RankedCluster.objects.filter(ranking=ranking).count() == 51
    assert set(RankedCluster.objects.values_list("rank", flat=True)) == set(range(1, 52))
