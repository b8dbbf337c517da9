"""Compile the .po catalogues to .mo, with GNU gettext when installed and polib otherwise, then
add every model field's form label to each compiled catalogue.

A fresh machine with only Python has no msgfmt; `make run` must still give translated pages.

Why the labels: Django's admin stores a change's field names untranslated, as the form showed
them with translation off (`construct_change_message`: verbose_name "status" becomes the label
"Status", modeltranslation's "title [fa]" becomes "Title [fa]"), and translates them only when
the history is read (`LogEntry.get_change_message()` calls `gettext(label)`). A catalogue holds
"status", not "Status", so the history page printed "Status و Publish at". The compiled
catalogue of each language therefore also maps every field's English label, of every installed
app (Django's, third-party, translated fields), to that field's label in the language, unless a
catalogue already translates the label. The .po files stay as translators write them: the
labels follow from their verbose names, so a new field or app is covered by the next build.
"""

import shutil
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation.reloader import translation_file_changed


class Command(BaseCommand):
    help = "Compile translation catalogues in LOCALE_PATHS and add the model fields' labels."

    def handle(self, *args, **options):
        catalogues = [
            po_path
            for locale_dir in settings.LOCALE_PATHS
            for po_path in Path(locale_dir).glob("*/LC_MESSAGES/django.po")
        ]
        if shutil.which("msgfmt"):
            call_command("compilemessages", verbosity=options["verbosity"])
        else:
            for po_path in catalogues:
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"compiled {po_path}")
        # Django's own hook for a rewritten .mo: drop the catalogues this process has read, so
        # "already translated" below is judged by the files just compiled.
        translation_file_changed(sender=None, file_path=Path("django.mo"))
        for po_path in catalogues:
            mo_path = po_path.with_suffix(".mo")
            language = translation.to_language(po_path.parent.parent.name)
            labels = field_labels(language)
            catalogue = polib.mofile(str(mo_path))
            for english, translated in labels.items():
                catalogue.append(polib.MOEntry(msgid=english, msgstr=translated))
            catalogue.save(str(mo_path))
            if options["verbosity"] > 1:
                self.stdout.write(f"added {len(labels)} field labels to {mo_path}")


def field_labels(language: str) -> dict[str, str]:
    """{English form label: label in `language`} for every field of every installed model
    whose label no catalogue translates yet (the first field's wins when two share a label)."""
    labels: dict[str, str] = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            verbose_name = getattr(field, "verbose_name", None)
            if verbose_name is None:
                continue
            # What construct_change_message stores: the form label with translation off.
            with translation.override(None):
                english = str(capfirst(verbose_name))
            with translation.override(language):
                translated = str(capfirst(verbose_name))
                if translated == english or translation.gettext(english) != english:
                    continue
            labels.setdefault(english, translated)
    return labels
