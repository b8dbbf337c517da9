from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_base import OfficeAdminMixin
from core.admin_filters import JalaliMonthListFilter
from core.translation_admin import TabbedTranslationAdmin, TranslationTabularInline
from core.uploads import SafeImageFormField
from core.versions_admin import GuardedVersionAdmin

from . import services
from .forms import PostAdminForm
from .models import Attachment, Category, Post
from .validators import validate_image


@admin.register(Category)
class CategoryAdmin(OfficeAdminMixin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_en"]}


class AttachmentInline(TranslationTabularInline):
    model = Attachment
    fields = ["title", "file", "order"]
    extra = 0


class PostStateFilter(admin.SimpleListFilter):
    """A post's state as the list's "state" column prints it: a published post with a future
    publish time is scheduled, not yet published (the status field alone cannot tell)."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Post.Status.DRAFT, Post.Status.DRAFT.label),
            ("scheduled", _("Scheduled")),
            (Post.Status.PUBLISHED, Post.Status.PUBLISHED.label),
            (Post.Status.UNPUBLISHED, Post.Status.UNPUBLISHED.label),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case Post.Status.PUBLISHED:
                return queryset.published()
            case None:
                return queryset
            case state:
                return queryset.filter(status=state)


@admin.register(Post)
class PostAdmin(OfficeAdminMixin, GuardedVersionAdmin, TabbedTranslationAdmin):
    form = PostAdminForm
    inlines = [AttachmentInline]
    list_display = ["title", "kind", "state", "publish_at", "is_important", "is_demo"]
    list_filter = [
        PostStateFilter,
        ("publish_at", JalaliMonthListFilter),
        "kind",
        "is_important",
        "category",
        "clusters",
        "is_demo",
    ]
    # What an editor searches a post by: its title and lead. Matching every body means a
    # sequential scan of the whole table (50,000 bodies: seconds); the site's own search
    # (/search/) finds words in bodies through its folded index.
    search_fields = ["title", "lead"]
    autocomplete_fields = ["clusters"]
    filter_horizontal = ["legal_bases"]
    prepopulated_fields = {"slug": ["title_fa"]}
    list_select_related = ["category"]
    actions = ["publish_now", "unpublish"]
    # Content is checked by its bytes (news/validators.py), then re-encoded and named by the
    # server (core/uploads.py): nothing appended to the image, nor its name, is ever stored.
    formfield_overrides = {
        models.ImageField: {"form_class": SafeImageFormField, "check": validate_image}
    }
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "lead", "body", "category"]}),
        (_("Image"), {"fields": ["cover_image", "cover_alt"]}),
        (_("Links"), {"fields": ["clusters", "legal_bases"]}),
        (
            _("Publishing"),
            {"fields": ["status", "publish_at", "is_important", "is_demo", "preview_link"]},
        ),
        (_("Event"), {"fields": ["event_start", "event_end", "event_place"]}),
        (_("Record"), {"fields": ["author", "created_at", "updated_at", "edit_token"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = ["author", "created_at", "updated_at", "preview_link"]
        if not services.can_publish(request.user):
            fields += services.PUBLISHING_FIELDS
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request, obj)
        return services.can_change(request.user, obj)

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_visible else obj.get_preview_url()

    @admin.display(description=_("state"))
    def state(self, obj):
        return _("Scheduled") if obj.is_scheduled else obj.get_status_display()

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return "-"
        return format_html(
            '<a href="{}" target="_blank">{}</a>', obj.get_preview_url(), _("Open preview")
        )

    def save_model(self, request, obj, form, change):
        # The services hold the role rules; the form's relations follow in save_related.
        services.post_save_edited(post=obj, user=request.user, changed=form.changed_data)

    @admin.action(description=_("Publish the selected posts now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        for post in queryset:
            services.post_publish(post=post, user=request.user)
        self.message_user(request, _("Published."), messages.SUCCESS)

    @admin.action(description=_("Unpublish the selected posts"), permissions=["publish"])
    def unpublish(self, request, queryset):
        for post in queryset:
            services.post_unpublish(post=post, user=request.user)
        self.message_user(request, _("Unpublished."), messages.SUCCESS)
