"""Admin for third-party models whose own admin is in English: the staff's authenticator apps.

django-otp's TOTPDeviceAdmin prints hard-coded English (field help, fieldset titles, column
heads, "Search by user's ..."). It is replaced by the same admin on a Persian-named proxy, with
Persian labels for every field it shows; its QR-code pages keep working (same URL names).
The permission pickers of groups and users leave out the permissions of models no admin page
uses and whose names are English literals (the replaced TOTP device, sorl's key-value store),
and name the others, and the office's roles, in the reader's language (`account_labels`).
django-axes' pages of sign-in records print a few English literals no catalogue reaches (a
column titled by its method's name, cells and a message built by f-strings); they are replaced
by the same admins with those in the reader's language, and its dates in the reader's calendar.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.admin_base import OfficeAdminMixin
from core.admin_values import ReadableValuesAdminMixin
from core.persian import active_language, format_number

from .account_labels import ROLE_NAMES, is_office_role, permission_label, role_name
from .models import AuthenticatorDevice

# field name -> (label, help text); django-otp's own are untranslatable literals.
FIELD_TEXT = {
    "user": (_("user"), _("The staff member who signs in with this app.")),
    "name": (_("name"), _("A name to tell this app apart, such as the phone it is on.")),
    "confirmed": (_("confirmed"), _("Whether the app is ready to use.")),
    "created_at": (_("created at"), _("When the app was added.")),
    "last_used_at": (_("last used at"), _("When a code from the app was last accepted.")),
    "key": (_("secret key"), _("The shared secret in hexadecimal, up to 40 bytes.")),
    "step": (_("time step"), _("Seconds each code is valid for.")),
    "t0": (_("start time"), _("The Unix time from which time steps are counted.")),
    "digits": (_("digits"), _("How many digits each code has.")),
    "tolerance": (_("tolerance"), _("How many time steps early or late a code may be.")),
    "drift": (_("clock drift"), _("How many time steps the phone's clock is off.")),
    "throttling_failure_timestamp": (
        _("last failed attempt"),
        _("When a wrong code was last entered; empty if the last attempt succeeded."),
    ),
    "throttling_failure_count": (_("failed attempts"), _("Wrong codes entered in a row.")),
}


class AuthenticatorDeviceForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in FIELD_TEXT:
                field.label, field.help_text = FIELD_TEXT[name]


class TitledFilter:
    """A list filter titled by FIELD_TEXT instead of the model field's English name."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = FIELD_TEXT[field_path][0]


class DateFilter(TitledFilter, admin.DateFieldListFilter):
    pass


class BooleanFilter(TitledFilter, admin.BooleanFieldListFilter):
    pass


# django-axes' own msgids that its Persian catalogue lacks or words with English ("عامل کاربر
# (User Agent)"), listed so that `makemessages` keeps them in ours.
AXES_MESSAGES = (
    gettext_noop("User Agent"),
    gettext_noop("Not set"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
)

# (app label, model): permissions nobody needs to grant, named by untranslatable literals.
UNGRANTED_PERMISSIONS = (("otp_totp", "totpdevice"), ("thumbnail", "kvstore"))


class PermissionChoicesMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            hidden = Q()
            for app_label, model in UNGRANTED_PERMISSIONS:
                hidden |= Q(content_type__app_label=app_label, content_type__model=model)
            kwargs["queryset"] = Permission.objects.exclude(hidden)
            formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
            formfield.label_from_instance = permission_label
            return formfield
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)
admin.site.unregister(User)
admin.site.unregister(TOTPDevice)
admin.site.unregister(AccessAttempt)
admin.site.unregister(AccessLog)
admin.site.unregister(AccessFailureLog)


@admin.register(Group)
class PortalGroupAdmin(PermissionChoicesMixin, GroupAdmin):
    """An office role reads by its translated name (`Group.__str__`, cluster_portal/apps.py)
    and is found by it; its stored name is read-only, since the roles' migrations find the
    group by it."""

    def get_fields(self, request, obj=None):
        if is_office_role(obj):
            return ["role", "permissions"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["role"] if is_office_role(obj) else []

    @admin.display(description=_("name"))
    def role(self, group):
        return role_name(group.name)

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        roles = [
            stored for stored in ROLE_NAMES if search_term and search_term in role_name(stored)
        ]
        return found | queryset.filter(name__in=roles), duplicates


@admin.register(User)
class PortalUserAdmin(ReadableValuesAdminMixin, PermissionChoicesMixin, UserAdmin):
    # Django's own Gregorian date-time fields, which nobody edits by hand: printed in Jalali
    # (ReadableValuesAdminMixin), not offered in a Gregorian calendar on a Persian page. Not
    # OfficeAdminMixin: its input cleaning folds digits and letters, and a password is typed
    # exactly as it is meant.
    readonly_fields = ["last_login", "date_joined"]


@admin.register(AuthenticatorDevice)
class AuthenticatorDeviceAdmin(TOTPDeviceAdmin):
    form = AuthenticatorDeviceForm
    list_display = ["user", "device_name", "created", "last_used", "is_confirmed"]
    list_filter = [
        ("created_at", DateFilter),
        ("last_used_at", DateFilter),
        ("confirmed", BooleanFilter),
    ]
    search_help_text = _("Search by user name or email address.")
    # Read-only fields are labelled by the model's English field names; these methods are not.
    readonly_fields = ["created", "last_used", "qrcode_link"]
    READ_ONLY = {"created_at": "created", "last_used_at": "last_used"}

    def get_list_display(self, request):
        # Without django-otp's English "QR Code" column; the link stays on the change form.
        return self.list_display

    def get_fieldsets(self, request, obj=None):
        titles = [_("Identity"), _("Dates"), _("Settings"), _("State"), _("Failed attempts")]
        fieldsets = super().get_fieldsets(request, obj)
        return [
            (
                titles[index] if index < len(titles) else None,
                {**options, "fields": [self.READ_ONLY.get(f, f) for f in options["fields"]]},
            )
            for index, (_title, options) in enumerate(fieldsets)
        ]

    @admin.display(description=_("name"), ordering="name")
    def device_name(self, device):
        return device.name

    @admin.display(description=_("created at"), ordering="created_at")
    def created(self, device):
        return device.created_at or self.get_empty_value_display()

    @admin.display(description=_("last used at"), ordering="last_used_at")
    def last_used(self, device):
        return device.last_used_at or self.get_empty_value_display()

    @admin.display(description=_("confirmed"), boolean=True, ordering="confirmed")
    def is_confirmed(self, device):
        return device.confirmed

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        if device.pk is None:
            return self.get_empty_value_display()
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">{}</a>', href, _("Show the QR code"))


@admin.register(AccessAttempt)
class PortalAccessAttemptAdmin(OfficeAdminMixin, AccessAttemptAdmin):
    @admin.display(description=_("status"))
    def status(self, attempt):
        left = settings.AXES_FAILURE_LIMIT - attempt.failures_since_start
        if left <= 0:
            return _("Locked Out")
        count = format_number(left, active_language())
        return ngettext("%(count)s attempt left", "%(count)s attempts left", left) % {
            "count": count
        }

    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        # axes' handlers read the attempt's time from the request, which only a sign-in sets;
        # without it axes' own action answered 500.
        AxesProxyHandler.update_request(request)
        removed = self.handler.clean_expired_user_attempts(request=request)
        count = format_number(removed, active_language())
        self.message_user(
            request,
            ngettext(
                "%(count)s expired sign-in attempt removed.",
                "%(count)s expired sign-in attempts removed.",
                removed,
            )
            % {"count": count},
        )


@admin.register(AccessLog)
class PortalAccessLogAdmin(OfficeAdminMixin, AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class PortalAccessFailureLogAdmin(OfficeAdminMixin, AccessFailureLogAdmin):
    pass
