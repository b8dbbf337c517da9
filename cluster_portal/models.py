"""Models of the wiring package: Persian-named stand-ins for third-party models.

django-otp names its TOTP device model and fields in plain English strings, not translatable
ones; a proxy model gives the admin a Persian name without a migration in django-otp itself.
"""

from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class AuthenticatorDevice(TOTPDevice):
    """A staff member's authenticator app (TOTP), as the admin lists it."""

    class Meta:
        proxy = True
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")
