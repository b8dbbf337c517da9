"""Load the cluster programme's content from its fixture, idempotently (keyed by natural keys)."""

from django.utils import timezone

from core.loading import jalali_date, translated

from .models import (
    Advantage,
    Cluster,
    DevelopmentProject,
    InfoPage,
    LegalBasis,
    Office,
    PriorityRanking,
    ProjectPhase,
    RankedCluster,
)


def load_programme(data: dict) -> None:
    office = data["office"]
    Office.objects.update_or_create(
        pk=1,
        defaults={
            **translated(office, "name", "parent_organization", "established", "summary"),
            "content_updated_on": jalali_date(office["content_updated_on"]),
        },
    )
    for page in data["pages"]:
        InfoPage.objects.update_or_create(
            slug=page["slug"],
            defaults={"order": page["order"], **translated(page, "title", "lead", "body")},
        )
    for advantage in data["advantages"]:
        Advantage.objects.update_or_create(
            order=advantage["order"], defaults=translated(advantage, "title", "description")
        )
    clusters = {}
    for cluster in data["clusters"]:
        clusters[cluster["slug"]], _created = Cluster.objects.update_or_create(
            slug=cluster["slug"],
            defaults={
                "sector": cluster["sector"],
                **translated(cluster, "name", "summary", "profile"),
            },
        )
    for basis in data["legal_bases"]:
        legal_basis, _created = LegalBasis.objects.update_or_create(
            number=basis["number"], defaults=translated(basis, "title", "instrument", "summary")
        )
        legal_basis.clusters.set([clusters[slug] for slug in basis.get("clusters", [])])
    for edition in data["rankings"]:
        _load_ranking(edition, clusters)
    for project in data["projects"]:
        _load_project(project, clusters)


def _load_ranking(edition: dict, clusters: dict) -> None:
    if edition["is_current"]:
        # The constraint allows one current edition; the fixture's edition takes that place.
        PriorityRanking.objects.filter(is_current=True).exclude(
            title_fa=edition["title"]["fa"]
        ).update(is_current=False)
    ranking, _created = PriorityRanking.objects.update_or_create(
        title_fa=edition["title"]["fa"],
        defaults={
            "year": edition["year"],
            "is_current": edition["is_current"],
            **translated(edition, "title", "approved_by", "note"),
        },
    )
    if ranking.published_at is None:
        # The source document's editions were all published by the office.
        ranking.published_at = timezone.now()
        ranking.save(update_fields=["published_at"])
    wanted = {(slug, rank) for slug, rank in edition["entries"]}
    current = set(ranking.entries.values_list("cluster__slug", "rank"))
    if wanted != current:
        # Rewritten as a whole, so a reordered fixture never collides with the old ranks.
        ranking.entries.all().delete()
        RankedCluster.objects.bulk_create(
            RankedCluster(ranking=ranking, cluster=clusters[slug], rank=rank)
            for slug, rank in edition["entries"]
        )


def _load_project(project: dict, clusters: dict) -> None:
    development_project, _created = DevelopmentProject.objects.update_or_create(
        cluster=clusters[project["cluster"]],
        defaults={
            "agent_selection": project["agent_selection"],
            "contract_years": project["contract_years"],
            **translated(project, "agent_name", "status_note"),
        },
    )
    for phase in project.get("phases", []):
        ProjectPhase.objects.update_or_create(
            project=development_project,
            phase=phase["phase"],
            defaults={"status": phase["status"], **translated(phase, "note")},
        )
