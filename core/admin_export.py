"""The admin's export form with each column's checkbox named as the editor knows the field.

django-import-export labels the checkboxes by the file's column names, title-cased ("Reported
Value", "Publish Contact"): English on a Persian page. Here each is the model field's
translated name; a column with no model field behind it keeps its column name.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from import_export.forms import SelectableFieldsExportForm


class LabelledExportForm(SelectableFieldsExportForm):
    def _get_field_label(self, resource, field_name: str) -> str:
        field = resource.fields.get(field_name)
        attribute = (field.attribute if field else None) or field_name
        try:
            model_field = resource._meta.model._meta.get_field(attribute.split("__")[0])
        except FieldDoesNotExist:
            return super()._get_field_label(resource, field_name)
        return str(capfirst(model_field.verbose_name))
