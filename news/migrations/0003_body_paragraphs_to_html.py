"""Bodies were plain text with blank-line paragraphs; the editor and the pages now expect HTML."""

from django.db import migrations
from django.utils.html import escape

FIELDS = ("body", "body_fa", "body_en")


def text_to_html(text):
    if not text or text.lstrip().startswith("<"):
        return text
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def forwards(apps, schema_editor):
    Post = apps.get_model("news", "Post")
    for post in Post.objects.only("pk", *FIELDS):
        for field in FIELDS:
            setattr(post, field, text_to_html(getattr(post, field)))
        post.save(update_fields=FIELDS)


class Migration(migrations.Migration):
    dependencies = [("news", "0002_post_media_legal_bases")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
