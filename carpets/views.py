from django.views.generic import TemplateView

from clusters.models import Cluster

from .checks import run_checks
from .models import Observation


class CarpetSectorView(TemplateView):
    """Every reported figure with its year, unit and source, and the checks between them."""

    template_name = "carpets/sector.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cluster=Cluster.objects.filter(slug="handmade-carpet").first(),
            observations=Observation.objects.with_provenance().order_by(
                "indicator__order", "scope", "year"
            ),
            checks=run_checks(),
            **kwargs,
        )
