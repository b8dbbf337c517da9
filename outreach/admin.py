from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override as override_language

from core.admin_base import OfficeAdminMixin, OfficeInlineMixin
from core.admin_filters import JalaliMonthListFilter
from core.persian import active_language, format_date
from core.translation_admin import ADMIN_WIDGETS_CSS, ADMIN_WIDGETS_JS, TabbedTranslationAdmin

from . import services
from .models import (
    BouncedAddress,
    Delivery,
    FeedbackPage,
    Inquiry,
    InquiryAnswer,
    OfficeCalendar,
    OfficeHoliday,
    OfficeRecipient,
    OutgoingMail,
    PageFeedback,
    SiteNotice,
    Subscriber,
)


class ReadOnlyAdmin(OfficeAdminMixin, admin.ModelAdmin):
    """Records written by the public or by the sender: staff read them, nobody edits them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AnswerHistoryInline(OfficeInlineMixin, admin.StackedInline):
    """Answers already sent: who answered, when, and what; nobody edits them afterwards.

    Read-only, so the time prints in Jalali and the answer as its rich text, lists with their
    bullets (core.admin_values).
    """

    model = InquiryAnswer
    extra = 0
    fields = ["answered_by", "answered_at", "body"]
    readonly_fields = fields
    verbose_name_plural = _("answers sent")

    def get_queryset(self, request):
        # Each row is titled by its inquiry and names who answered: both joined, not per row.
        return super().get_queryset(request).select_related("inquiry", "answered_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AnswerFormInline(admin.StackedInline):
    """One empty answer form, for staff with the "answer inquiries" permission."""

    model = InquiryAnswer
    fields = ["body"]
    extra = 1
    max_num = 1

    class Media:
        # The rich-text editor's height, icon font and tooltips, as on every translated admin form.
        css = {"all": (ADMIN_WIDGETS_CSS,)}
        js = (ADMIN_WIDGETS_JS,)

    can_delete = False
    verbose_name = _("write an answer")
    verbose_name_plural = _("write an answer (it is emailed to the sender on saving)")

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_add_permission(self, request, obj=None):
        # An anonymised question has no address left to answer.
        can_answer = request.user.has_perm("outreach.answer_inquiry")
        return can_answer and obj is not None and bool(obj.email)

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)


class MailInline(OfficeInlineMixin, admin.TabularInline):
    """The mails about this question and whether they left: failures show here."""

    model = OutgoingMail
    extra = 0
    fields = ["kind", "to", "status", "attempts", "sent_on", "last_error"]
    readonly_fields = fields
    verbose_name_plural = _("mails")

    @admin.display(description=_("sent at"))
    def sent_on(self, mail):
        return format_date(mail.sent_at, active_language(), with_time=True) if mail.sent_at else "—"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
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
    inlines = [AnswerHistoryInline, MailInline, AnswerFormInline]

    def has_add_permission(self, request):
        return False  # inquiries come from the public form

    def save_formset(self, request, form, formset, change):
        if formset.model is not InquiryAnswer:
            return super().save_formset(request, form, formset, change)
        sent = []
        for answer_form in formset.forms:
            body = answer_form.cleaned_data.get("body") if answer_form.has_changed() else None
            if not body or not request.user.has_perm("outreach.answer_inquiry"):
                continue
            try:
                sent.append(
                    services.inquiry_answer(inquiry=form.instance, body=body, user=request.user)
                )
            except ValueError:
                self.message_user(request, _("The answer was empty; nothing was sent."))
                continue
            self.message_user(
                request,
                _("The answer is on its way to %(email)s.") % {"email": form.instance.email},
                messages.SUCCESS,
            )
        # The service saved the answers, not the formset: the history records them as added.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = sent, [], []

    def construct_change_message(self, request, form, formsets, add=False):
        """The history line of a save: the form's changes and each answer sent ("Added answer
        “ZC-1405-000012”."), and the status when sending the answer changed it."""
        message = super().construct_change_message(request, form, formsets, add)
        status_before = form.initial.get("status")
        if (
            "status" not in form.changed_data
            and status_before is not None
            and form.instance.status != status_before
        ):
            with override_language(None):
                label = str(Inquiry._meta.get_field("status").verbose_name)
            # The inquiry's own "changed" line (an inline's has a "name") takes the status too.
            own = next(
                (
                    line["changed"]
                    for line in message
                    if "changed" in line and "name" not in line["changed"]
                ),
                None,
            )
            if own:
                own["fields"].append(label)
            else:
                message.insert(0, {"changed": {"fields": [label]}})
        return message

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


@admin.register(OutgoingMail)
class OutgoingMailAdmin(ReadOnlyAdmin):
    """Every queued mail with its attempts; filter on "Failed" to see what did not leave."""

    list_display = ["kind", "to", "inquiry", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "inquiry__reference"]
    list_select_related = ["inquiry"]
    fields = [
        "kind",
        "inquiry",
        "to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "message_id",
        "headers",
        "body_text",
    ]
    readonly_fields = fields
    actions = ["send_again"]

    @admin.action(description=_("Send again now"), permissions=["view"])
    def send_again(self, request, queryset):
        count = queryset.exclude(status=OutgoingMail.Status.SENT).update(
            status=OutgoingMail.Status.FAILED, attempts=0
        )
        services.outbox_send_soon()
        self.message_user(request, _("%(count)s mail(s) queued again.") % {"count": count})


@admin.register(BouncedAddress)
class BouncedAddressAdmin(OfficeAdminMixin, admin.ModelAdmin):
    """Addresses that get no automatic mail; delete a row when the sender fixed their mailbox."""

    list_display = ["email", "reason", "created_at"]
    search_fields = ["email"]


@admin.register(OfficeRecipient)
class OfficeRecipientAdmin(OfficeAdminMixin, admin.ModelAdmin):
    """Who hears of new questions: per cluster and subject; rows with neither are the default."""

    list_display = ["email", "cluster", "kind", "receives_digest", "is_active"]
    list_filter = ["cluster", "kind", "is_active"]
    search_fields = ["email"]
    list_select_related = ["cluster"]


@admin.register(OfficeCalendar)
class OfficeCalendarAdmin(OfficeAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "thursday_is_working", "answer_within_days", "digest_after_days"]

    def has_add_permission(self, request):
        return not OfficeCalendar.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OfficeHoliday)
class OfficeHolidayAdmin(OfficeAdminMixin, admin.ModelAdmin):
    list_display = ["date", "name"]
    search_fields = ["name"]


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
