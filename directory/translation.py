from modeltranslation.translator import TranslationOptions, register

from .models import Document, Organisation, Question, ReportedFigure, Term


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "city", "description", "address")
    required_languages = {"fa": ("name",)}


@register(ReportedFigure)
class ReportedFigureTranslation(TranslationOptions):
    fields = ("qualifier", "source")
    required_languages = {"fa": ("source",)}


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"fa": ("title",)}


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("term", "other_forms", "definition")
    required_languages = {"fa": ("term", "definition")}


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = {"fa": ("question", "answer")}
