from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterPortalConfig(AppConfig):
    name = "cluster_portal"
    verbose_name = _("Portal")

    def ready(self):
        from core.page_cache import connect_invalidation

        from . import checks  # noqa: F401  (registers the start checks)

        connect_invalidation()
