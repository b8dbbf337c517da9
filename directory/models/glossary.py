"""The programme's vocabulary and the questions readers ask, in both languages."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.collation import by_name

from ..validators import validate_plain_text


class Term(models.Model):
    """A term of cluster development, linked from the texts that use it."""

    slug = models.SlugField(_("slug"), unique=True)
    term = models.CharField(_("term"), max_length=150, validators=[validate_plain_text])
    other_forms = models.CharField(
        _("other forms"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated forms that also link to this entry, e.g. a plural."),
        validators=[validate_plain_text],
    )
    definition = models.TextField(
        _("definition"),
        max_length=2000,
        validators=[validate_plain_text, MaxLengthValidator(2000)],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["order", by_name("term")]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("directory:glossary") + f"#term-{self.slug}"

    def forms(self) -> list[str]:
        """The term and its other forms in the active language, longest first."""
        extra = [form.strip() for form in (self.other_forms or "").split(",")]
        return sorted({self.term, *filter(None, extra)}, key=len, reverse=True)


class Question(models.Model):
    """A frequently asked question and the office's answer."""

    slug = models.SlugField(_("slug"), unique=True)
    question = models.CharField(_("question"), max_length=300, validators=[validate_plain_text])
    answer = models.TextField(
        _("answer"),
        max_length=4000,
        validators=[validate_plain_text, MaxLengthValidator(4000)],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.question
