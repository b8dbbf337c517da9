"""Third-party apps under Persian names in the admin.

django-axes, django-otp's TOTP plugin and sorl-thumbnail name their apps in English (the admin
printed "AXES", "OTP_TOTP", "Thumbnail"). Each class here is that app's own config with a
translated `verbose_name`; INSTALLED_APPS names these classes instead of the bare apps. axes'
records are named in the reader's language too (cluster_portal/account_labels.py).
"""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig
from sorl.thumbnail.apps import ThumbnailConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in protection")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        from .account_labels import access_attempt_str, access_failure_str, access_log_str

        # axes names its records by English f-strings, printed as the admin pages' titles.
        AccessAttempt.__str__ = access_attempt_str
        AccessLog.__str__ = access_log_str
        AccessFailureLog.__str__ = access_failure_str


class OTPTOTPConfig(TOTPAppConfig):
    verbose_name = _("Authenticator apps")


class PortalThumbnailConfig(ThumbnailConfig):
    verbose_name = _("Image thumbnails")
