from modeltranslation.translator import TranslationOptions, register

from .models import Category, Post


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"fa": ("name",)}


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "event_place")
    required_languages = {"fa": ("title", "body")}
