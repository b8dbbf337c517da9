"""Names of what Django stores in English for accounts, in the reader's language.

Django writes a permission's name into the database once, in English ("Can add post", or a
model's `Meta.permissions` text as it was when the permission was made), and the office's roles
are groups made under English names by `migrations/0002_office_roles.py`. The rows stay as they
are: code, migrations and tests find a group by its name and a permission by its codename. The
admin's permission pickers name permissions through `permission_label`; a group prints through
`group_str`, which apps.py makes `Group.__str__`, so a role reads translated wherever Django
prints a group (the list, the user form's picker, the user list's filter, titles, messages).

django-axes names its sign-in records by English f-strings ("Attempted Access: 2026-12-07
15:46:08.255221+00:00"), which the admin prints as their pages' titles and breadcrumbs; the
`*_str` functions below, which third_party_apps.AxesConfig makes their `__str__`, name them in
the reader's language and calendar.
"""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.persian import active_language, format_date

# Stored group name -> the role's name; the keys are the names the roles' migrations give them.
ROLE_NAMES = {
    "editors": pgettext_lazy("office role", "editors"),
    "publishers": pgettext_lazy("office role", "publishers"),
    "statistics officers": pgettext_lazy("office role", "statistics officers"),
    "directory keepers": pgettext_lazy("office role", "directory keepers"),
    "inquiry handlers": pgettext_lazy("office role", "inquiry handlers"),
    "operators": pgettext_lazy("office role", "operators"),
}

# Django's default permissions, by action, as `create_permissions` words them ("Can add %s").
DEFAULT_PERMISSION_NAMES = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def role_name(stored_name: str) -> str:
    """An office role's name in the reader's language; any other group keeps the name it was
    given (the office typed it)."""
    return str(ROLE_NAMES.get(stored_name, stored_name))


def group_str(group) -> str:
    """`Group.__str__` (set in apps.py): the role's translated name, else the stored name."""
    return role_name(group.name)


def is_office_role(group) -> bool:
    return group is not None and group.name in ROLE_NAMES


def permission_name(permission: Permission) -> str:
    """What a permission allows, in the reader's language: a default permission from its
    model's verbose name, a custom one from its model's `Meta.permissions` (lazy, so translated
    now), anything else through the catalogue."""
    model = permission.content_type.model_class()
    if model is None:  # the model was removed; its permission lingers
        return gettext(permission.name)
    opts = model._meta
    for action, name in DEFAULT_PERMISSION_NAMES.items():
        codename = get_permission_codename(action, opts)
        if action in opts.default_permissions and permission.codename == codename:
            return name % {"model": opts.verbose_name}
    for codename, name in opts.permissions:
        if codename == permission.codename:
            return gettext(str(name))
    return gettext(permission.name)


def permission_label(permission: Permission) -> str:
    """As Django labels a permission in the group and user forms ("app | model | name"), with
    the name translated. Needs `content_type` loaded with the permission (select_related)."""
    return f"{permission.content_type} | {permission_name(permission)}"


def _sign_in(record) -> dict[str, str]:
    return {
        "username": record.username or "-",
        "address": record.ip_address or "-",
        "time": format_date(record.attempt_time, active_language(), with_time=True),
    }


def access_attempt_str(attempt) -> str:
    """axes' `AccessAttempt`: the failed sign-ins of one user name from one address."""
    return _("Failed sign-ins as %(username)s from %(address)s since %(time)s") % _sign_in(attempt)


def access_log_str(log) -> str:
    """axes' `AccessLog`: one sign-in."""
    return _("Sign-in as %(username)s from %(address)s, %(time)s") % _sign_in(log)


def access_failure_str(failure) -> str:
    """axes' `AccessFailureLog`: one failed sign-in, and whether it locked the user out."""
    if failure.locked_out:
        return _("Failed sign-in as %(username)s from %(address)s, %(time)s (locked out)") % (
            _sign_in(failure)
        )
    return _("Failed sign-in as %(username)s from %(address)s, %(time)s") % _sign_in(failure)
