"""The portal's admin site: Django's own, plus a one-time password for staff when required."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_noop, ngettext_lazy

# INSTALLED_APPS names PortalAdminConfig, so this module is imported before the models exist;
# django-otp's admin forms (which import the user model) are imported when first needed.
OTP_LOGIN_TEMPLATE = "otp/admin111/login.html"


class PortalAdminSite(admin.AdminSite):
    """Asks for a one-time password only while `PORTAL_STAFF_OTP_REQUIRED` is on.

    The setting is read per request, so the office can turn the second factor on without
    every app registering its models on a different site.
    """

    @property
    def login_form(self):
        if not settings.PORTAL_STAFF_OTP_REQUIRED:
            return None
        from django_otp.admin import OTPAdminAuthenticationForm

        return OTPAdminAuthenticationForm

    @property
    def login_template(self):
        return OTP_LOGIN_TEMPLATE if settings.PORTAL_STAFF_OTP_REQUIRED else None

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if settings.PORTAL_STAFF_OTP_REQUIRED:
            return allowed and request.user.is_verified()
        return allowed


class PortalAdminConfig(AdminConfig):
    default_site = "cluster_portal.admin_site.PortalAdminSite"


# django-otp ships no Persian catalogue. Its own msgids, listed here so that `makemessages` keeps
# them in ours and the second-factor login form and its errors are Persian too.
OTP_MESSAGES = (
    gettext_noop("OTP Device:"),
    gettext_noop("OTP Token:"),
    gettext_noop("Get OTP Challenge"),
    gettext_noop("Please enter your OTP token."),
    gettext_noop("Error generating challenge: {0}"),
    gettext_noop("The selected OTP device is not interactive"),
    gettext_noop("OTP Challenge: {0}"),
    gettext_noop("Invalid token. Please make sure you have entered it correctly."),
    gettext_noop("Verification of the token is currently disabled"),
    gettext_noop("Please select a device."),
    ngettext_lazy(
        "Verification temporarily disabled because of %(failure_count)d failed attempt, "
        "please try again soon.",
        "Verification temporarily disabled because of %(failure_count)d failed attempts, "
        "please try again soon.",
        "failure_count",
    ),
)
