"""Statistics blocks for pages of other apps, so `clusters` never imports `carpets`."""

from django import template
from django.db.models import OuterRef, Subquery

from carpets.models import Observation

register = template.Library()


@register.inclusion_tag("carpets/includes/cluster_figures.html")
def cluster_figures(cluster, limit=20):
    """The latest province figure of each of the cluster's first `limit` indicators."""
    province = Observation.objects.filter(scope=Observation.Scope.PROVINCE)
    latest = province.filter(indicator=OuterRef("indicator")).order_by("-year", "-pk")
    observations = (
        province.with_provenance()
        .filter(indicator__cluster=cluster, pk=Subquery(latest.values("pk")[:1]))
        .order_by("indicator__order", "indicator__pk")[:limit]
    )
    return {"observations": observations, "cluster": cluster}
