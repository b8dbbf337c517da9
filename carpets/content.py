"""Load the carpet sector's sources, indicators and observations from their fixture."""

from decimal import Decimal

from clusters.models import Cluster
from core.loading import jalali_date, translated

from .models import Indicator, Observation, Source


def load_statistics(data: dict) -> None:
    sources = {}
    for source in data["sources"]:
        sources[source["slug"]], _created = Source.objects.update_or_create(
            slug=source["slug"],
            defaults={
                "published_on": jalali_date(source["published_on"]),
                "url": source["url"],
                **translated(source, "name", "publisher"),
            },
        )
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    indicators = {}
    for indicator in data["indicators"]:
        indicators[indicator["slug"]], _created = Indicator.objects.update_or_create(
            slug=indicator["slug"],
            defaults={
                "order": indicator["order"],
                "group": indicator.get("group", Indicator.Group.OTHER),
                "cluster": clusters.get(indicator["cluster"]),
                **translated(indicator, "name", "unit", "description"),
            },
        )
    for observation in data["observations"]:
        Observation.objects.update_or_create(
            indicator=indicators[observation["indicator"]],
            year=observation["year"],
            scope=observation["scope"],
            source=sources[observation["source"]],
            defaults={
                # Strings in the fixture, so no figure passes through a binary float.
                "value": Decimal(observation["value"]),
                "is_estimate": observation["is_estimate"],
                **translated(observation, "reported_as", "method_note", "note"),
            },
        )
