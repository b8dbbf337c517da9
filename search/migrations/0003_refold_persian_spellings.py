"""Fold the stored search text again: the fold now also joins ۀ/هٔ/ة with ه, alef forms with ا,
and drops kashida and direction marks (core.text), so «توسعۀ» and «توسـعه» find «توسعه»."""

from django.db import migrations

from core.text import fold


def refold(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    changed = []
    for document in SearchDocument.objects.only("pk", "title", "text", "folded").iterator(
        chunk_size=2000
    ):
        folded = fold(f"{document.title}\n{document.text}")
        if folded != document.folded:
            document.folded = folded
            changed.append(document)
    SearchDocument.objects.bulk_update(changed, ["folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_folded_trigram_index")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop, elidable=True)]
