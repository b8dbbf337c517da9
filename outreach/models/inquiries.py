from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from clusters.models import Cluster
from core.fields import JalaliDateTimeField
from core.persian import localize_digits, to_jalali
from core.sanitize import PROSE_EDITOR_EXTENSIONS, sanitize_html

from .choices import LANGUAGE_CHOICES, InquiryKind

REFERENCE_PREFIX = "ZC"


class InquiryQuerySet(models.QuerySet):
    def from_client(self, client_key: str, *, since):
        return self.filter(client_key=client_key, created_at__gte=since)

    def due_for_anonymising(self, *, before):
        """Closed, not yet anonymised, and closed before the retention cut-off."""
        return self.filter(
            status=Inquiry.Status.CLOSED, closed_at__lt=before, anonymised_at__isnull=True
        )


class Inquiry(models.Model):
    """A message from an investor or firm to the office, handled by staff in the admin.

    The sender's personal data lives here only, for the retention period; after it the
    inquiry keeps its reference, kind, cluster and dates for the office's statistics.
    """

    Kind = InquiryKind

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    # Null until the row has its primary key, from which the number is made (services.py).
    reference = models.CharField(  # noqa: DJ001
        _("reference number"), max_length=20, unique=True, null=True, editable=False
    )
    kind = models.CharField(_("subject"), max_length=20, choices=Kind.choices)
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("cluster"),
    )
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="fa")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    staff_note = models.TextField(_("staff note"), blank=True)
    # A keyed hash of the sender's address: enough to count submissions, useless to identify.
    client_key = models.CharField(_("client key"), max_length=64, blank=True, editable=False)
    created_at = JalaliDateTimeField(_("received at"), default=timezone.now, editable=False)
    closed_at = JalaliDateTimeField(_("closed at"), null=True, blank=True, editable=False)
    anonymised_at = JalaliDateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        permissions = [("answer_inquiry", _("Can answer inquiries by email"))]
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["client_key", "created_at"], name="inquiry_client_idx"),
            # The admin's list order: its first page is read from the index, not a sort.
            models.Index(fields=["-created_at", "-id"], name="inquiry_list_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "answered", "closed"]),
                name="inquiry_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=False) | ~Q(email=""),
                name="inquiry_has_email_until_anonymised",
                violation_error_message=_("An inquiry needs an email address."),
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(status="closed"),
                name="inquiry_closed_at_only_when_closed",
            ),
        ]

    def __str__(self):
        # In the reader's digits, as the sender was given it ("ZC-۱۴۰۵-۰۰۰۰۰۱" on Persian pages).
        return localize_digits(self.reference) if self.reference else str(_("inquiry being saved"))

    @staticmethod
    def make_reference(pk: int, created_at) -> str:
        """ZC-<Jalali year>-<six-digit serial>: short enough to read out on the phone."""
        return f"{REFERENCE_PREFIX}-{to_jalali(created_at).year}-{pk:06d}"


class InquiryAnswer(models.Model):
    """An answer staff wrote in the admin and mailed to the sender; the inquiry's history."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="answers", verbose_name=_("inquiry")
    )
    body = ProseEditorField(
        _("answer"), config={"extensions": PROSE_EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="inquiry_answers",
        verbose_name=_("answered by"),
    )
    answered_at = JalaliDateTimeField(_("answered at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["answered_at", "pk"]

    def __str__(self):
        return str(self.inquiry)
