"""The two newsroom roles: editors draft, publishers decide what the public sees and when."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("news", "add_post"),
    ("news", "change_post"),
    ("news", "view_post"),
    ("news", "add_attachment"),
    ("news", "change_attachment"),
    ("news", "delete_attachment"),
    ("news", "view_attachment"),
    ("news", "view_category"),
    ("clusters", "view_cluster"),
    ("clusters", "view_legalbasis"),
]
PUBLISHER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    ("news", "publish_post"),
    ("news", "delete_post"),
    ("news", "add_category"),
    ("news", "change_category"),
]
GROUPS = {"editors": EDITOR_PERMISSIONS, "publishers": PUBLISHER_PERMISSIONS}


def forwards(apps, schema_editor):
    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_body_paragraphs_to_html"),
        ("clusters", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
