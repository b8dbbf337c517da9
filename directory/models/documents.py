"""The library of documents a cluster produces: studies, plans, laws, reports and forms."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_jalali.db import models as jmodels

from clusters.models import Cluster, LegalBasis
from core.fields import JalaliDateTimeField
from core.persian import fold, normalize

from ..validators import FileFormat, validate_document_file, validate_plain_text


class DocumentQuerySet(models.QuerySet):
    def for_listing(self):
        return self.order_by("-published_on", "-pk")

    def filtered(self, *, kind="", cluster=None, language="", query=""):
        """The library's filters; the title search folds Persian spelling on both sides."""
        documents = self
        if kind:
            documents = documents.filter(kind=kind)
        if cluster:
            documents = documents.filter(clusters=cluster)
        if language:
            documents = documents.filter(language=language)
        if query.strip():
            for word in normalize(query).split():
                documents = documents.filter(title_key__contains=word)
        return documents.distinct() if cluster else documents


def document_upload_to(document, filename: str) -> str:
    # Named by the server after the checked format, never the uploader's name.
    return f"documents/{document.file_format}/{uuid.uuid4().hex}.{document.file_format}"


class Document(models.Model):
    """A file the office publishes. Its bytes are checked before it is stored (services)."""

    class Kind(models.TextChoices):
        DIAGNOSTIC_STUDY = "diagnostic_study", _("Diagnostic study")
        ACTION_PLAN = "action_plan", _("Action plan")
        LAW = "law", _("Law or regulation")
        REPORT = "report", _("Report")
        FORM = "form", _("Form")

    class Language(models.TextChoices):
        PERSIAN = "fa", _("Persian")
        ENGLISH = "en", _("English")

    class Format(models.TextChoices):
        PDF = FileFormat.PDF, "PDF"
        XLSX = FileFormat.XLSX, "XLSX"
        DOCX = FileFormat.DOCX, "DOCX"

    title = models.CharField(_("title"), max_length=300, validators=[validate_plain_text])
    summary = models.TextField(
        _("summary"),
        max_length=2000,
        blank=True,
        validators=[validate_plain_text, MaxLengthValidator(2000)],
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language of the document"), max_length=2, choices=Language.choices
    )
    published_on = jmodels.jDateField(_("document date"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    file_format = models.CharField(
        _("file format"), max_length=4, choices=Format.choices, editable=False
    )
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), editable=False)
    clusters = models.ManyToManyField(
        Cluster, related_name="documents", verbose_name=_("clusters"), blank=True
    )
    legal_bases = models.ManyToManyField(
        LegalBasis, related_name="documents", verbose_name=_("legal bases"), blank=True
    )
    # The titles of both languages, folded by `fold`, for a search that ignores spelling.
    title_key = models.TextField(editable=False, default="")
    created_at = JalaliDateTimeField(_("created at"), auto_now_add=True)
    updated_at = JalaliDateTimeField(_("updated at"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(file_size__gt=0), name="document_not_empty"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Derived from this row alone, so it is kept here rather than in every write path.
        titles = f"{self.title_fa or ''} {self.title_en or ''}"
        self.title_key = fold(titles)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:document-detail", kwargs={"pk": self.pk})

    def get_download_url(self):
        return reverse("directory:document-download", kwargs={"pk": self.pk})

    def clean(self):
        # Only a new upload is checked; a stored file was checked when it arrived.
        if self.file and not self.file._committed:
            try:
                self.file_format = validate_document_file(self.file.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
            self.file_size = self.file.size
