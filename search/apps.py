from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import signals  # noqa: F401
        from .query import use_typo_threshold

        connection_created.connect(use_typo_threshold, dispatch_uid="search-typo-threshold")
