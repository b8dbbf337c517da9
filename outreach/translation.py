from modeltranslation.translator import TranslationOptions, register

from .models import SiteNotice


@register(SiteNotice)
class SiteNoticeTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = {"fa": ("text",)}
