from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Category, Post


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Post)
class PostAdmin(TabbedTranslationAdmin):
    list_display = ["title", "kind", "status", "publish_at", "is_important", "is_demo"]
    list_filter = ["status", "kind", "is_important", "category", "clusters", "is_demo"]
    search_fields = ["title", "lead", "body"]
    autocomplete_fields = ["clusters"]
    prepopulated_fields = {"slug": ["title_fa"]}
    list_select_related = ["category"]
    readonly_fields = ["author", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "lead", "body", "category", "clusters"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "is_important", "is_demo"]}),
        (_("Event"), {"fields": ["event_start", "event_end", "event_place"]}),
        (_("Record"), {"fields": ["author", "created_at", "updated_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
