from modeltranslation.translator import TranslationOptions, register

from .models import Attachment, Category, Post


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"fa": ("name",)}


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "cover_alt", "event_place")
    required_languages = {"fa": ("title", "body")}


@register(Attachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"fa": ("title",)}
