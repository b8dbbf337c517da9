"""One row per indexed page and language, holding text already folded for Persian search."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import JalaliDateTimeField

from .kinds import KIND_LABELS


class SearchDocument(models.Model):
    """What the search reads: the title and text of one page in one language.

    `folded` is the text after `core.persian.normalize`, so every backend matches
    Arabic letters, any digit script and ZWNJ the same way; `visible_from` keeps a scheduled
    post out of results until its time.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("language"), max_length=5)
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=400)
    text = models.TextField(_("text"))
    url = models.CharField(_("address"), max_length=400)
    folded = models.TextField()
    weight = models.PositiveSmallIntegerField(default=1)
    visible_from = JalaliDateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_document_per_language"
            ),
        ]
        indexes = [models.Index(fields=["language", "weight"], name="search_language_idx")]

    def __str__(self):
        return self.title

    def get_kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)
