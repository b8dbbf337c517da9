"""Clean text stored before the text layer existed, as the forms now clean it on input.

Names typed on an Arabic keyboard («علي»), phones pasted with direction marks, references in
Persian digits: each text column of the project's models goes through `core.forms`' choice of
cleaner (`clean_text`, or `clean_identifier` for e-mails, slugs, URLs, phones, references).
Rows are updated with `QuerySet.update`, so no save() side effect (cache, e-mail) runs.
`--dry-run` counts what would change.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from core.forms import model_field_cleaner


class Command(BaseCommand):
    help = "Normalise stored text (Arabic letters, direction marks, digits) as input is now."

    def add_arguments(self, parser):
        parser.add_argument("app_label", nargs="*", help="apps to clean (default: the project's)")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *app_labels, dry_run=False, **options):
        labels = app_labels or [label.rsplit(".", 1)[-1] for label in settings.LOCAL_APPS]
        total = 0
        for label in labels:
            for model in apps.get_app_config(label).get_models():
                total += self._clean_model(model, dry_run)
        verb = "Would change" if dry_run else "Changed"
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} rows."))

    def _clean_model(self, model, dry_run: bool) -> int:
        fields = {
            field.attname: cleaner
            for field in model._meta.concrete_fields
            if (cleaner := model_field_cleaner(field)) is not None
        }
        if not fields:
            return 0
        changed = 0
        manager = model._base_manager
        with transaction.atomic():
            for row in manager.values("pk", *fields).iterator(chunk_size=2000):
                updates = {
                    name: cleaned
                    for name, cleaner in fields.items()
                    if row[name] is not None and (cleaned := cleaner(row[name])) != row[name]
                }
                if updates:
                    changed += 1
                    if not dry_run:
                        manager.filter(pk=row["pk"]).update(**updates)
        return changed
