"""The GET filters of the public lists. Values that do not validate are dropped, not fatal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.forms import CleanInputMixin

from .models import County, Document, OrganisationKind


def _any(label, choices):
    return [("", label), *choices]


class ClusterFilterField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Cluster.objects.all(),
            to_field_name="slug",
            required=False,
            empty_label=_("All clusters"),
            label=_("Cluster"),
            **kwargs,
        )


class OrganisationFilterForm(CleanInputMixin, forms.Form):
    cluster = ClusterFilterField()
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_any(_("All kinds"), OrganisationKind.choices)
    )
    county = forms.ChoiceField(
        label=_("County"), required=False, choices=_any(_("All counties"), County.choices)
    )


class DocumentFilterForm(CleanInputMixin, forms.Form):
    q = forms.CharField(label=_("Title contains"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_any(_("All kinds"), Document.Kind.choices)
    )
    cluster = ClusterFilterField()
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=_any(_("All languages"), Document.Language.choices),
    )
