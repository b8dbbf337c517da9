from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from core.public_content import declare_not_content

        from . import signals  # noqa: F401
        from .query import use_typo_threshold

        # Index rows follow content saves; a search page is never cached, so they change none.
        declare_not_content(self.get_model("SearchDocument"))
        connection_created.connect(use_typo_threshold, dispatch_uid="search-typo-threshold")
