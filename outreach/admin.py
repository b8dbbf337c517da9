from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.admin_base import OfficeAdminMixin
from core.admin_filters import JalaliMonthListFilter
from core.translation_admin import TabbedTranslationAdmin

from . import services
from .models import Delivery, FeedbackPage, Inquiry, PageFeedback, SiteNotice, Subscriber


class ReadOnlyAdmin(OfficeAdminMixin, admin.ModelAdmin):
    """Records written by the public or by the sender: staff read them, nobody edits them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(OfficeAdminMixin, admin.ModelAdmin):
    # Personal data: only staff with the "view inquiry" permission reach these pages.
    list_display = ["reference", "kind", "cluster", "status", "created_at", "language"]
    list_filter = ["status", ("created_at", JalaliMonthListFilter), "kind", "cluster", "language"]
    search_fields = ["reference", "name", "organisation", "email"]
    list_select_related = ["cluster"]
    readonly_fields = [
        "reference",
        "kind",
        "cluster",
        "name",
        "organisation",
        "email",
        "phone",
        "message",
        "language",
        "created_at",
        "closed_at",
        "anonymised_at",
    ]
    fields = [*readonly_fields[:9], "status", "staff_note", *readonly_fields[9:]]
    actions = ["mark_answered", "mark_closed"]

    def has_add_permission(self, request):
        return False  # inquiries come from the public form

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            services.inquiry_set_status(inquiry=obj, status=obj.status)
        obj.save(update_fields=["staff_note"])

    def _set_status(self, request, queryset, status):
        for inquiry in queryset:
            services.inquiry_set_status(inquiry=inquiry, status=status)
        self.message_user(request, _("Status updated."), messages.SUCCESS)

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        self._set_status(request, queryset, Inquiry.Status.ANSWERED)

    @admin.action(description=_("Mark as closed"), permissions=["change"])
    def mark_closed(self, request, queryset):
        self._set_status(request, queryset, Inquiry.Status.CLOSED)


@admin.register(Subscriber)
class SubscriberAdmin(OfficeAdminMixin, admin.ModelAdmin):
    list_display = ["email", "status", "all_news", "language", "created_at", "confirmed_at"]
    list_filter = ["status", "all_news", "language", "clusters"]
    search_fields = ["email"]
    readonly_fields = ["email", "language", "all_news", "clusters", "status", "created_at"]
    fields = [*readonly_fields, "confirmed_at", "unsubscribed_at"]

    def has_add_permission(self, request):
        return False  # only the reader's own confirmation may subscribe an address

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["post", "subscriber", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", ("sent_at", JalaliMonthListFilter)]
    search_fields = ["post__title", "subscriber__email"]
    list_select_related = ["post", "subscriber"]


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["path", "language", "useful", "comment", "created_at"]
    list_filter = ["useful", ("created_at", JalaliMonthListFilter), "language"]
    search_fields = ["path", "comment"]


@admin.register(FeedbackPage)
class FeedbackPageAdmin(ReadOnlyAdmin):
    """Answers counted per page and language, with the share of "yes"."""

    def changelist_view(self, request, extra_context=None):
        # A custom page: Django's own permission check is in the changelist this replaces.
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = []
        for row in PageFeedback.objects.summary():
            share = round(100 * row["useful"] / row["total"])
            rows.append({**row, "share": f"{share}%"})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": self.model._meta.verbose_name_plural,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/outreach/feedback_summary.html", context)


@admin.register(SiteNotice)
class SiteNoticeAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["text", "level", "is_active", "starts_at", "ends_at"]
    list_filter = ["is_active", ("starts_at", JalaliMonthListFilter), "level"]
    search_fields = ["text"]
