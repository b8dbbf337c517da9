"""Inlines whose rows cost no query each: an autocomplete box labels its chosen row from the row.

Django's autocomplete box asks the database for the label of its chosen row, once per box. A
ranking edition of 200 clusters shows 200 boxes: 200 queries, and as many again when each
row's title names its cluster. `RowLabelledInlineMixin` loads the chosen rows with the inline's
own rows (one join) and hands each box its label, so the page costs the same at any size.
"""

from django.contrib.admin.utils import display_for_field
from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import _get_foreign_key
from django.urls import reverse

from .admin_values import readable_column
from .translation_admin import column_heading


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
    """An inline listed, not edited, when its parent has more than `editable_up_to` rows of it.

    A form of hundreds of editable rows takes seconds to render and is hard to work in; even
    read-only, Django renders two hidden inputs and a read-only field object for every cell
    (a ranking edition of 206 clusters took a second). Above the limit the inline carries no
    form at all (an empty formset: saving the parent leaves the rows as they are) and shows a
    plain table of `read_only_when_large` (translated fields by their per-language names), one
    query for all rows, each row linking to its own page where it is edited.
    `rows_of(obj)` counts the rows.
    """

    editable_up_to = 50
    read_only_when_large: list[str] = []
    listed_template = "admin/edit_inline/listed.html"

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

    def get_formset(self, request, obj=None, **kwargs):
        # An inline instance serves one request (the admin makes them per request), so what is
        # set here is this page's.
        self.listed = None
        if self.is_large(request, obj):
            self.listed = self.listed_table(request, obj)
            self.template = self.listed_template
            kwargs.update(extra=0, max_num=0, can_delete=False)
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.none() if getattr(self, "listed", None) is not None else queryset

    def has_add_permission(self, request, obj=None):
        if self.is_large(request, obj):
            return False
        return super().has_add_permission(request, obj)

    def listed_table(self, request, obj) -> dict:
        """{"headers": [label], "rows": [(change URL or "", [cell text])]} of `obj`'s rows."""
        fk = _get_foreign_key(self.parent_model, self.model, fk_name=self.fk_name)
        rows = super().get_queryset(request).filter(**{fk.name: obj})
        fields = [self.model._meta.get_field(name) for name in self.read_only_when_large]
        opts = self.model._meta
        link = ""
        if self.admin_site.is_registered(self.model):
            # One reverse for all rows: the admin's change URL takes any object id.
            link = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=["__pk__"],
            )
        empty = self.get_empty_value_display()
        # Each cell as the editable inline's read-only field prints it (Persian digits, ...).
        shows = [readable_column(field) for field in fields]

        def cell(row, field, show):
            return show(row) if show else display_for_field(getattr(row, field.name), field, empty)

        return {
            "headers": [column_heading(field) for field in fields],
            "rows": [
                (
                    link.replace("__pk__", str(row.pk)) if link else "",
                    [cell(row, field, show) for field, show in zip(fields, shows, strict=True)],
                )
                for row in rows
            ],
        }
