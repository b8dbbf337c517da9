from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CarpetsConfig(AppConfig):
    name = "carpets"
    verbose_name = _("Carpet-sector statistics")

    def ready(self):
        from core.public_content import declare_content

        # Sources, indicators and observations are all published.
        declare_content(*self.get_models())
