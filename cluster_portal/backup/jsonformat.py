"""Django's JSON fixtures, with times to the microsecond (Django's own keeps milliseconds).

A restored account's `last_login` or a TOTP device's `created_at` must be the instant it was,
not one rounded down; registered as the serialization format "portaljson" by the archive.

Two queries per row of Django's serializer are one per table here, so a backup's queries do
not grow with its rows: a reference by natural key (content types, users) is looked up once per
referenced row, and a many-to-many field's links are read for the whole table at once (Django
reads each row's links with a query of its own).
"""

import datetime
from collections import defaultdict

from django.core.serializers import json as django_json
from django.core.serializers.base import DeserializedObject
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.encoding import is_protected_type


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder
        # {(referenced model, key value): natural key}, for this dump only.
        self._natural_keys = {}
        # {many-to-many field: {row's pk: [linked values]}}, read when the field is first met.
        self._links = {}

    def handle_fk_field(self, obj, field):
        model = field.remote_field.model
        if not (self.use_natural_foreign_keys and hasattr(model, "natural_key")):
            return super().handle_fk_field(obj, field)
        value = getattr(obj, field.attname)
        if value is not None:
            key = (model, value)
            if key not in self._natural_keys:
                self._natural_keys[key] = getattr(obj, field.name).natural_key()
            value = self._natural_keys[key]
        self._current[field.name] = value

    def handle_m2m_field(self, obj, field):
        # As Django: only links through a table Django made itself are part of the row.
        if not field.remote_field.through._meta.auto_created:
            return
        if field not in self._links:
            self._links[field] = self._read_links(field)
        self._current[field.name] = self._links[field].get(obj.pk, [])

    def _read_links(self, field) -> dict:
        """Every link of `field`'s table: {source pk: [target pk or natural key]}, in the
        target's primary-key order."""
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        pairs = through._base_manager.order_by(target).values_list(source, target)
        model = field.remote_field.model
        links = defaultdict(list)
        if self.use_natural_foreign_keys and hasattr(model, "natural_key"):
            targets = {pk for _, pk in pairs}
            rows = model._base_manager.in_bulk(targets)
            natural = {pk: row.natural_key() for pk, row in rows.items()}
            for source_pk, target_pk in pairs:
                links[source_pk].append(natural[target_pk])
        else:
            pk_field = model._meta.pk
            for source_pk, target_pk in pairs:
                value = target_pk
                if not is_protected_type(value):
                    value = pk_field.value_to_string(model(pk=value))
                links[source_pk].append(value)
        return dict(links)


class Deserializer(django_json.Deserializer):
    """Django's JSON rows, with the many-to-many links written in bulk once every row is in.

    loaddata saves each row before it asks for the next, and Django's row saves its links with
    two queries and an insert per field; a restore of the benchmark-size database spent two
    thirds of its time there. Here the rows go out without their links, which are kept, and
    when the last row has been saved (the iteration resumes after it), each link table is
    filled with batched inserts, inside loaddata's transaction like the rows.

    Only for loading into emptied tables (restore deletes every backed-up row first): each row
    is inserted without Django's first try at an UPDATE of a row with its primary key.
    """

    def __iter__(self):
        links = defaultdict(list)  # {many-to-many field: [(row pk, [linked pks])]}
        for item in super().__iter__():
            for name, linked in item.m2m_data.items():
                links[item.object._meta.get_field(name)].append((item.object.pk, linked))
            yield NewRow(item.object, {}, item.deferred_fields)
        for field, rows in links.items():
            write_links(field, rows, using=self.using)


class NewRow(DeserializedObject):
    """A row known not to exist yet: one INSERT (Django tries an UPDATE first when a row comes
    with its primary key, a third of a restore's time)."""

    def save(self, save_m2m=True, using=None, **kwargs):
        super().save(save_m2m=save_m2m, using=using, force_insert=True, **kwargs)


def write_links(field, rows, *, using: str) -> None:
    """Insert `rows` ([(row pk, [linked pks])]) into `field`'s link table."""
    through = field.remote_field.through
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    through._base_manager.using(using).bulk_create(
        (through(**{source: pk, target: other}) for pk, linked in rows for other in linked),
        batch_size=2000,
    )
