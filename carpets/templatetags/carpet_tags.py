"""Statistics blocks for pages of other apps, so `clusters` never imports `carpets`."""

from django import template

from carpets.models import Observation

register = template.Library()


@register.inclusion_tag("carpets/includes/cluster_figures.html")
def cluster_figures(cluster):
    observations = Observation.objects.with_provenance().filter(
        indicator__cluster=cluster, scope=Observation.Scope.PROVINCE
    )
    return {"observations": observations, "cluster": cluster}
