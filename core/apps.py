from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from core.collation import register_sqlite_collation


class CoreConfig(AppConfig):
    """The shared bottom: Persian text, dates, sanitiser, caches. It has no models."""

    name = "core"
    verbose_name = _("Shared base")

    def ready(self):
        connection_created.connect(register_sqlite_collation, dispatch_uid="core.persian_collation")
