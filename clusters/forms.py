from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanInputMixin

from .models import Cluster, ProjectPhase

NOT_REPORTED = "none"


class ClusterFilterForm(CleanInputMixin, forms.Form):
    """The overview's GET filters; an unknown value is reported, never an error page."""

    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Cluster.Sector.choices],
        error_messages={"invalid_choice": _("There is no sector “%(value)s”; all are shown.")},
    )
    phase = forms.ChoiceField(
        label=_("Phase reached"),
        required=False,
        choices=[
            ("", _("All phases")),
            *((str(value), label) for value, label in ProjectPhase.Phase.choices),
            (NOT_REPORTED, _("Not yet reported")),
        ],
        error_messages={"invalid_choice": _("There is no phase “%(value)s”; all are shown.")},
    )

    def filter(self, clusters):
        """Apply the valid filters; an invalid one is left out (its error says so)."""
        self.is_valid()
        sector = self.cleaned_data.get("sector")
        phase = self.cleaned_data.get("phase")
        if sector:
            clusters = clusters.filter(sector=sector)
        if phase == NOT_REPORTED:
            clusters = clusters.filter(phase_reached__isnull=True)
        elif phase:
            clusters = clusters.filter(phase_reached=int(phase))
        return clusters
