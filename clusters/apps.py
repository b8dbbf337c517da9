from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Cluster programme")

    def ready(self):
        from core.public_content import declare_content

        # Every model of the programme is shown on public pages.
        declare_content(*self.get_models())
