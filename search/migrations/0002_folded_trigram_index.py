"""A trigram index on the folded text, on PostgreSQL only: "contains this word" and "looks like
this word" then read the index instead of every document (SQLite has no such index and scans)."""

from django.db import migrations

INDEX = "search_folded_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchdocument "
            "USING gin (folded gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
