from modeltranslation.translator import TranslationOptions, register

from .models import Indicator, Observation, Source


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("name", "publisher")
    required_languages = {"fa": ("name", "publisher")}


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit", "description")
    required_languages = {"fa": ("name", "unit")}


@register(Observation)
class ObservationTranslation(TranslationOptions):
    fields = ("reported_as", "method_note", "note")
