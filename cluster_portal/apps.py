from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Framework and third-party models: accounts, sessions, logs, history, lockouts, second
# factors, thumbnails. None of them is shown on a public page, so none may empty its cache
# (adding an editor to a group used to).
NOT_CONTENT = (
    "admin.LogEntry",
    "auth.Group",
    "auth.Permission",
    "auth.User",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "cluster_portal.AuthenticatorDevice",
    "contenttypes.ContentType",
    "otp_totp.TOTPDevice",
    "reversion.Revision",
    "reversion.Version",
    "sessions.Session",
    "thumbnail.KVStore",
)


class ClusterPortalConfig(AppConfig):
    name = "cluster_portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.apps import apps
        from django.contrib.auth.models import Group

        from core.public_content import declare_not_content

        from . import checks  # noqa: F401 (registers the start checks)
        from .account_labels import group_str

        declare_not_content(*(label for label in NOT_CONTENT if _installed(apps, label)))
        # The office's roles are stored under English names that code looks them up by; Django
        # prints a group by str() everywhere (lists, pickers, filters, titles, messages).
        Group.__str__ = group_str


def _installed(apps, label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True
