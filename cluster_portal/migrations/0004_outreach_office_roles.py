"""The office's roles brought up to date with docs/roles.md: the office mail and the
Persian-named authenticator apps.

Inquiry handlers answer questions by email (`answer_inquiry`, letter r), see the answers and
mails sent, and keep the bounced addresses, the office's recipients, calendar and holidays;
operators see the outbox and keep the same office settings. Second-factor devices are kept on
the `cluster_portal.AuthenticatorDevice` page, which replaced django-otp's own, so the
operators' rights move to it. As in 0002, each group is set to exactly these rights.
Letters: v view, a add, c change, d delete, i import, e export, p publish, r answer.
"""

from importlib import import_module

from django.contrib.auth.management import create_permissions
from django.db import migrations

VERBS = {
    "v": "view",
    "a": "add",
    "c": "change",
    "d": "delete",
    "i": "import",
    "e": "export",
    "p": "publish",
    "r": "answer",
}

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
        "outreach.inquiry": "vcr",
        "outreach.pagefeedback": "v",
        "outreach.feedbackpage": "v",
        "outreach.inquiryanswer": "v",
        "outreach.outgoingmail": "v",
        "outreach.bouncedaddress": "vacd",
        "outreach.officerecipient": "vacd",
        "outreach.officecalendar": "vac",
        "outreach.officeholiday": "vacd",
    },
    "operators": {
        "outreach.subscriber": "v",
        "outreach.delivery": "v",
        "outreach.sitenotice": "vacd",
        "outreach.outgoingmail": "v",
        "outreach.bouncedaddress": "vacd",
        "outreach.officerecipient": "vacd",
        "outreach.officecalendar": "vac",
        "outreach.officeholiday": "vacd",
        "axes.accessattempt": "vd",
        "axes.accessfailurelog": "v",
        "axes.accesslog": "v",
        "cluster_portal.authenticatordevice": "vd",
    },
}


def codenames(model: str, letters: str) -> list[tuple[str, str]]:
    app_label, model_name = model.split(".")
    return [(app_label, f"{VERBS[letter]}_{model_name}") for letter in letters]


def set_roles(apps, roles: dict[str, dict[str, str]]) -> None:
    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, rights in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for model, letters in rights.items()
            for app_label, codename in codenames(model, letters)
        ]
        group.permissions.set(permissions)


def forwards(apps, schema_editor):
    set_roles(apps, ROLES)


def backwards(apps, schema_editor):
    set_roles(apps, import_module("cluster_portal.migrations.0002_office_roles").ROLES)


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_portal", "0003_merge_0002_authenticator_device_0002_office_roles"),
        ("outreach", "0007_mail_recipient_label"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
