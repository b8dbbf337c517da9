from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # A no-op on SQLite; on PostgreSQL it enables typo-tolerant ranking.
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField()),
                ("language", models.CharField(max_length=5, verbose_name="language")),
                ("kind", models.CharField(max_length=40, verbose_name="kind")),
                ("title", models.CharField(max_length=400, verbose_name="title")),
                ("text", models.TextField(verbose_name="text")),
                ("url", models.CharField(max_length=400, verbose_name="address")),
                ("folded", models.TextField()),
                ("weight", models.PositiveSmallIntegerField(default=1)),
                ("visible_from", models.DateTimeField(blank=True, null=True)),
                ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype")),
            ],
            options={"verbose_name": "search document", "verbose_name_plural": "search documents"},
        ),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.UniqueConstraint(fields=("content_type", "object_id", "language"), name="one_document_per_language"),
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["language", "weight"], name="search_language_idx"),
        ),
    ]
