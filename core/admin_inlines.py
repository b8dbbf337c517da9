"""Inlines whose rows cost no query each: an autocomplete box labels its chosen row from the row.

Django's autocomplete box asks the database for the label of its chosen row, once per box. A
ranking edition of 200 clusters shows 200 boxes: 200 queries, and as many again when each
row's title names its cluster. `RowLabelledInlineMixin` loads the chosen rows with the inline's
own rows (one join) and hands each box its label, so the page costs the same at any size.
"""

from django.contrib.admin.widgets import AutocompleteSelect


class RowLabelledAutocompleteSelect(AutocompleteSelect):
    """An autocomplete box given the label of its chosen row (`known`: {str(pk): label}).

    Values it was not given (a choice just posted, say) are looked up as Django does.
    """

    known: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not self.known or not selected <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for pk in sorted(selected):
            options.append(self.create_option(name, pk, self.known[pk], True, len(options)))
        return [(None, options, 0)]


class RowLabelledInlineMixin:
    """For an inline (Tabular or Stacked) with foreign keys in `autocomplete_fields`."""

    def get_queryset(self, request):
        related = [
            name
            for name in self.get_autocomplete_fields(request)
            if self.model._meta.get_field(name).many_to_one
        ]
        return super().get_queryset(request).select_related(*related)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = RowLabelledAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        names = [
            name
            for name in self.get_autocomplete_fields(request)
            if self.model._meta.get_field(name).many_to_one
        ]

        class RowLabelledForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if self.instance.pk is None:
                    return
                for name in names:
                    field = self.fields.get(name)
                    # Loaded with the row by get_queryset's join: no query here.
                    chosen = getattr(self.instance, name, None)
                    if field is None or chosen is None:
                        continue
                    widget = getattr(field.widget, "widget", field.widget)
                    if isinstance(widget, RowLabelledAutocompleteSelect):
                        widget.known = {str(chosen.pk): field.label_from_instance(chosen)}

        RowLabelledForm.__name__ = formset.form.__name__
        formset.form = RowLabelledForm
        return formset


class LargeInlineMixin:
    """An inline shown read-only when its parent has more than `editable_up_to` rows of it.

    A form of hundreds of editable rows takes seconds to render (each row's boxes, each box's
    template) and is hard to work in; above the limit each row is listed with its change
    link (`show_change_link`) and edited on its own page. `rows_of(obj)` counts the rows;
    `read_only_when_large` names the fields then shown (translated fields by their
    per-language names, as the form has them).
    """

    editable_up_to = 50
    read_only_when_large: list[str] = []

    def rows_of(self, obj) -> int:
        raise NotImplementedError

    def is_large(self, request, obj) -> bool:
        if obj is None or obj.pk is None:
            return False
        sizes = request.__dict__.setdefault("_inline_sizes", {})
        key = (type(self).__name__, obj.pk)
        if key not in sizes:
            sizes[key] = self.rows_of(obj)
        return sizes[key] > self.editable_up_to

    def get_readonly_fields(self, request, obj=None):
        if self.is_large(request, obj):
            return list(self.read_only_when_large)
        return super().get_readonly_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        if self.is_large(request, obj):
            return False
        return super().has_add_permission(request, obj)
