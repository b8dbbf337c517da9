"""Third-party apps under Persian names in the admin.

django-axes, django-otp's TOTP plugin and sorl-thumbnail name their apps in English (the admin
printed "AXES", "OTP_TOTP", "Thumbnail"). Each class here is that app's own config with a
translated `verbose_name`; INSTALLED_APPS names these classes instead of the bare apps.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig
from sorl.thumbnail.apps import ThumbnailConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in protection")


class OTPTOTPConfig(TOTPAppConfig):
    verbose_name = _("Authenticator apps")


class PortalThumbnailConfig(ThumbnailConfig):
    verbose_name = _("Image thumbnails")
