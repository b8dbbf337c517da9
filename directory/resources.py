"""CSV/XLSX import of the directory: one row per organisation, checked before anything is saved.

Cells may be typed the way the office types them: Persian or Arabic digits, a kind or county by
its code or by its Persian or English name, yes/no in either language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from clusters.models import Cluster
from core.persian import normalize
from core.resources import CleanImportMixin, CleanTextWidget, IdentifierWidget

from .models import County, Organisation, OrganisationKind


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class LabelledChoiceWidget(widgets.Widget):
    """A choice given by its code or by its label in any of the site's languages."""

    def __init__(self, choices, message, **kwargs):
        self.choices = choices
        self.message = message
        super().__init__(**kwargs)

    def _lookup(self) -> dict:
        lookup = {}
        for value, label in self.choices.choices:
            lookup[normalize(value)] = value
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    lookup[normalize(str(label))] = value
        return lookup

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return ""
        found = self._lookup().get(normalize(text))
        if found is None:
            raise ValueError(self.message % {"value": text})
        return found

    def render(self, value, obj=None, **kwargs):
        return value or ""


class ClusterWidget(widgets.ForeignKeyWidget):
    """A cluster by its slug (as in its address) or by its Persian or English name."""

    def __init__(self, **kwargs):
        super().__init__(Cluster, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = normalize(_text(value))
        if not text:
            raise ValueError(_("Give the cluster."))
        for cluster in Cluster.objects.all():
            if text in {cluster.slug, normalize(cluster.name_fa), normalize(cluster.name_en or "")}:
                return cluster
        raise ValueError(_("No cluster is called “%(value)s”.") % {"value": _text(value)})


class StrictBooleanWidget(widgets.Widget):
    TRUE = {"1", "true", "yes", "بله", "آری", "بلی"}
    FALSE = {"", "0", "false", "no", "خیر", "نه"}

    def clean(self, value, row=None, **kwargs):
        if value is True or value is False:
            return value
        text = normalize(_text(value))
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(
            _("“%(value)s” is not yes or no (write 1 or 0, بله or خیر).") % {"value": _text(value)}
        )

    def render(self, value, obj=None, **kwargs):
        return "1" if value else "0"


def _choice_field(name, choices, message):
    return fields.Field(
        attribute=name, column_name=name, widget=LabelledChoiceWidget(choices, message)
    )


TEXT_COLUMNS = [
    "name_fa",
    "name_en",
    "city_fa",
    "city_en",
    "description_fa",
    "description_en",
    "email",
    "address_fa",
    "address_en",
    "website",
]


class OrganisationResource(CleanImportMixin, resources.ModelResource):
    cluster = fields.Field(attribute="cluster", column_name="cluster", widget=ClusterWidget())
    kind = _choice_field("kind", OrganisationKind, gettext_lazy("Unknown kind “%(value)s”."))
    county = _choice_field("county", County, gettext_lazy("Unknown county “%(value)s”."))
    publish_contact = fields.Field(
        attribute="publish_contact", column_name="publish_contact", widget=StrictBooleanWidget()
    )
    phone = fields.Field(attribute="phone", column_name="phone", widget=IdentifierWidget())

    class Meta:
        model = Organisation
        fields = ["cluster", "kind", "county", "publish_contact", "phone", *TEXT_COLUMNS]
        import_id_fields = ["cluster", "kind", "name_fa"]
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = True

    def import_data(self, dataset, **kwargs):
        """Every row is checked, and one bad row means nothing of the file is written, however
        the import is called (the admin's preview and confirmation, the service, a shell)."""
        kwargs.update(use_transactions=True, rollback_on_validation_errors=True)
        return super().import_data(dataset, **kwargs)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name in TEXT_COLUMNS:
            identifier = name in ("email", "website")
            self.fields[name].widget = IdentifierWidget() if identifier else CleanTextWidget()

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # A bad key cell (e.g. an unknown cluster) is reported by the row's own validation.
            return None
