"""The office's roles as groups, exactly as docs/roles.md tables them.

Each group is set to these rights and no others, so an installation whose groups were widened
by hand gets the documented rights back. Letters: v view, a add, c change, d delete, i import,
e export, p publish (the model's own `publish_<model>` permission).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VERBS = {"v": "view", "a": "add", "c": "change", "d": "delete", "i": "import", "e": "export"}

ROLES = {
    "editors": {
        "news.post": "vac",
        "news.attachment": "vacd",
        "news.category": "v",
        "clusters.legalbasis": "v",
        "clusters.cluster": "v",
    },
    "publishers": {
        "news.post": "vacdp",
        "news.attachment": "vacd",
        "news.category": "vac",
        "clusters.office": "vac",
        "clusters.infopage": "vac",
        "clusters.legalbasis": "vac",
        "clusters.advantage": "vac",
        "clusters.cluster": "vac",
        "clusters.developmentproject": "vac",
        "clusters.teammember": "vacd",
        "clusters.governancebody": "vacd",
        "clusters.projectphase": "vacd",
        "clusters.jointaction": "vac",
        "clusters.progressreport": "vacd",
        "clusters.priorityranking": "v",
        "outreach.sitenotice": "vacd",
    },
    "statistics officers": {
        "clusters.cluster": "v",
        "clusters.priorityranking": "vacp",
        "clusters.rankingcriterion": "vacd",
        "clusters.rankedcluster": "vacd",
        "clusters.criterionscore": "vacd",
        "carpets.source": "vac",
        "carpets.indicator": "vac",
        "carpets.observation": "vacdie",
        "directory.reportedfigure": "vac",
    },
    "directory keepers": {
        "clusters.legalbasis": "v",
        "clusters.cluster": "v",
        "directory.organisation": "vacdie",
        "directory.document": "vacd",
        "directory.term": "vacd",
        "directory.question": "vacd",
    },
    "inquiry handlers": {
        "outreach.inquiry": "vc",
        "outreach.pagefeedback": "v",
        "outreach.feedbackpage": "v",
    },
    "operators": {
        "outreach.subscriber": "v",
        "outreach.delivery": "v",
        "outreach.sitenotice": "vacd",
        "axes.accessattempt": "vd",
        "axes.accessfailurelog": "v",
        "axes.accesslog": "v",
        "otp_totp.totpdevice": "vd",
    },
}


def codenames(model: str, letters: str) -> list[tuple[str, str]]:
    app_label, model_name = model.split(".")
    wanted = [VERBS[letter] for letter in letters if letter != "p"]
    if "p" in letters:
        wanted.append("publish")
    return [(app_label, f"{verb}_{model_name}") for verb in wanted]


def forwards(apps, schema_editor):
    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, rights in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for model, letters in rights.items()
            for app_label, codename in codenames(model, letters)
        ]
        group.permissions.set(permissions)


def backwards(apps, schema_editor):
    # editors and publishers predate this migration (news 0004); only the new groups go.
    new = [name for name in ROLES if name not in {"editors", "publishers"}]
    apps.get_model("auth", "Group").objects.filter(name__in=new).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_portal", "0001_cache_table"),
        ("news", "0006_event_over_index"),
        ("clusters", "0003_ranking_publish_permission"),
        ("carpets", "0003_import_export_permissions"),
        ("directory", "0002_import_export_permissions"),
        ("outreach", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
