from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CarpetsConfig(AppConfig):
    name = "carpets"
    verbose_name = _("Carpet-sector statistics")
