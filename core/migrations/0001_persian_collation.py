"""The ICU collation `persian` (CLDR fa order) on PostgreSQL; SQLite gets it per connection."""

from django.db import migrations


def create_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE COLLATION IF NOT EXISTS persian (provider = icu, locale = 'fa-IR')"
        )


def drop_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP COLLATION IF EXISTS persian")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_collation, drop_collation, elidable=False)]
