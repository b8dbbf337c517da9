from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared bottom: Persian text, dates, sanitiser, caches. It has no models."""

    name = "core"
    verbose_name = _("Shared base")
