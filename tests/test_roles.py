"""The office's roles (docs/roles.md): the groups hold exactly the documented rights, and every
admin page (list, add, change, history, revert, recover, import, export, actions) answers each
role as the table says. The table is read from the document itself, so the two cannot drift."""

import re
from pathlib import Path

import pytest
import reversion
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from reversion.models import Version

from clusters.services import ranking_is_locked
from core.versions_admin import GuardedVersionAdmin

ROLES_DOC = Path(settings.BASE_DIR) / "docs" / "roles.md"
VERBS = {
    "v": "view",
    "a": "add",
    "c": "change",
    "d": "delete",
    "i": "import",
    "e": "export",
    "r": "answer",
}


def documented_matrix() -> dict[str, dict[str, str]]:
    """{role: {"app.model": letters}} from the table in docs/roles.md."""
    lines = [line for line in ROLES_DOC.read_text().splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    roles = header[1:]
    matrix: dict[str, dict[str, str]] = {role: {} for role in roles}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        for role, letters in zip(roles, cells[1:], strict=True):
            matrix[role][cells[0]] = letters
    return matrix


MATRIX = documented_matrix()


def expected_codenames(rights: dict[str, str]) -> set[str]:
    wanted = set()
    for model, letters in rights.items():
        app_label, model_name = model.split(".")
        for letter in letters:
            verb = "publish" if letter == "p" else VERBS[letter]
            wanted.add(f"{app_label}.{verb}_{model_name}")
    return wanted


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(MATRIX))
def test_each_group_holds_exactly_the_documented_rights(role):
    held = {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert held == expected_codenames(MATRIX[role])


def test_every_model_in_the_admin_is_in_the_table():
    tabled = {model for rights in MATRIX.values() for model in rights}
    registered = {
        f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry
    }
    # Accounts and groups are the superuser's alone, so they have no row.
    assert registered - tabled == {"auth.user", "auth.group"}


def _url(model, name, *args):
    parts = [str(arg) for arg in (*args, name) if arg != ""]
    prefix = f"/{settings.PORTAL_ADMIN_PATH}{model._meta.app_label}/{model._meta.model_name}/"
    return prefix + "".join(f"{part}/" for part in parts)


def _any_object(model):
    return model._default_manager.order_by("pk").first()


@pytest.fixture
def versioned_objects(demo):
    """One stored version for one object of every versioned model, as an admin save makes."""
    found = {}
    for model, model_admin in admin.site._registry.items():
        obj = _any_object(model)
        if isinstance(model_admin, GuardedVersionAdmin) and obj is not None:
            with reversion.create_revision():
                reversion.add_to_revision(obj)
            found[model] = Version.objects.get_for_object(obj).latest("pk")
    return found


NEVER_ADDED = {
    "outreach.inquiry",
    "outreach.subscriber",
    "outreach.delivery",
    "outreach.pagefeedback",
    "outreach.feedbackpage",
}


def _member(django_user_model, role):
    user = django_user_model.objects.create_user(f"u-{role}".replace(" ", "-"), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def _allowed(letters: str, needed: str) -> bool:
    return all(letter in letters for letter in needed)


def _locked(key: str, obj) -> bool:
    """The current ranking edition and its entries are read-only for everyone (the lock): the
    change page answers as a view page, and saving, history and revert are refused."""
    if key == "clusters.priorityranking":
        return ranking_is_locked(obj)
    if key == "clusters.rankedcluster":
        return ranking_is_locked(obj.ranking)
    return False


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_every_admin_page_answers_the_role_as_documented(
    client, django_user_model, versioned_objects, role
):
    client.force_login(_member(django_user_model, role))
    rights = MATRIX[role]
    wrong = []

    def expect(url, allowed, method="get"):
        status = getattr(client, method)(url).status_code
        if (status == 200) != allowed or status not in {200, 403}:
            wrong.append(f"{url}: {status}, expected {'200' if allowed else '403'}")

    for model, model_admin in admin.site._registry.items():
        key = f"{model._meta.app_label}.{model._meta.model_name}"
        if key in {"auth.user", "auth.group"}:
            expect(_url(model, ""), False)
            continue
        letters = rights.get(key, "")
        expect(_url(model, ""), _allowed(letters, "v") or _allowed(letters, "c"))
        # Records the public writes (inquiries, subscribers) are never added by anyone.
        expect(_url(model, "add"), _allowed(letters, "a") and key not in NEVER_ADDED)
        obj = _any_object(model)
        if obj is not None:
            expect(_url(model, "change", obj.pk), _allowed(letters, "v"))
            versioned = isinstance(model_admin, GuardedVersionAdmin)
            locked = _locked(key, obj)
            editable = (
                _allowed(letters, "c")
                and not locked
                and (key != "news.post" or obj.status == "draft" or "p" in letters)
            )
            if locked:
                expect(_url(model, "change", obj.pk), False, method="post")
            expect(_url(model, "history", obj.pk), editable if versioned else "v" in letters)
            if versioned:
                version = versioned_objects[model]
                expect(_url(model, version.pk, obj.pk, "history"), editable)
        if isinstance(model_admin, GuardedVersionAdmin):
            expect(_url(model, "recover"), _allowed(letters, "ac"))
        if hasattr(model_admin, "has_import_permission"):
            expect(_url(model, "import"), _allowed(letters, "i"))
            expect(_url(model, "process_import"), _allowed(letters, "i"), method="post")
        if hasattr(model_admin, "has_export_permission"):
            expect(_url(model, "export"), _allowed(letters, "e"))
        if "v" in letters:
            response = client.get(_url(model, ""))
            action_form = response.context and response.context.get("action_form")
            offered = (
                {name for name, _label in action_form.fields["action"].choices}
                if (action_form)
                else set()
            )
            if "delete_selected" in offered and "d" not in letters:
                wrong.append(f"{key}: delete offered without the delete right")
            if "publish" in offered and "p" not in letters:
                wrong.append(f"{key}: publish offered without the publish right")
    assert wrong == []


def test_a_superuser_reaches_every_admin_page(admin_client, versioned_objects):
    for model in admin.site._registry:
        assert admin_client.get(_url(model, "")).status_code == 200
        obj = _any_object(model)
        if obj is not None:
            assert admin_client.get(_url(model, "change", obj.pk)).status_code == 200
        locked = obj is not None and _locked(
            f"{model._meta.app_label}.{model._meta.model_name}", obj
        )
        if locked:
            assert admin_client.post(_url(model, "change", obj.pk)).status_code == 403
        if model in versioned_objects:
            version = versioned_objects[model]
            status = admin_client.get(_url(model, version.pk, obj.pk, "history")).status_code
            assert status == (403 if locked else 200)


@pytest.mark.django_db
def test_no_permission_is_granted_that_does_not_exist():
    # A misspelt right in the table would make the migration fail; this names it clearly.
    for rights in MATRIX.values():
        for name in expected_codenames(rights):
            app_label, codename = name.split(".")
            assert re.fullmatch(r"[a-z_]+", codename)
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), name
