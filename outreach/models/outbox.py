"""The outbox: every mail other than a news alert, rendered when queued, sent by a job.

A request only writes a row here; sending happens after the response (a background thread)
and again from the `send_mail_outbox` timer, which retries failures like the alerts' deliveries.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import JalaliDateTimeField

from .alerts import Delivery
from .choices import mail_server_error_field
from .inquiries import Inquiry


class BouncedAddress(models.Model):
    """An address the mail server refused for good (5xx); nothing automatic goes to it again."""

    email = models.EmailField(_("email"), unique=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = JalaliDateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("bounced address")
        verbose_name_plural = _("bounced addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, *, max_attempts: int, stale_before):
        """Mails to try now: never tried, failed, or stuck in sending by a crashed run."""
        waiting = Q(status__in=[OutgoingMail.Status.PENDING, OutgoingMail.Status.FAILED])
        stuck = Q(status=OutgoingMail.Status.SENDING, updated_at__lt=stale_before)
        return self.filter(waiting | stuck, attempts__lt=max_attempts)


class OutgoingMail(models.Model):
    """One rendered mail to one address, with its attempts, so nothing goes twice."""

    Status = Delivery.Status

    class Kind(models.TextChoices):
        OFFICE_NOTICE = "office_notice", _("New question, to the office")
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement, to the sender")
        ANSWER = "answer", _("Answer, to the sender")
        DIGEST = "digest", _("Digest of waiting questions, to the office")
        CONFIRMATION = "confirmation", _("News alert confirmation, to the reader")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    inquiry = models.ForeignKey(
        Inquiry,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mails",
        verbose_name=_("inquiry"),
    )
    to = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"))
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.CharField(_("mail identifier"), max_length=200, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = mail_server_error_field()
    created_at = JalaliDateTimeField(_("queued at"), default=timezone.now, editable=False)
    sent_at = JalaliDateTimeField(_("sent at"), null=True, blank=True)
    updated_at = JalaliDateTimeField(_("updated at"), default=timezone.now)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The sender is acknowledged once per question, however often the job runs.
            models.UniqueConstraint(
                fields=["inquiry"],
                condition=Q(kind="acknowledgement"),
                name="one_acknowledgement_per_inquiry",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "sending", "sent", "failed"]),
                name="outgoing_mail_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False, attempts__gt=0),
                name="outgoing_mail_sent_has_date",
            ),
        ]

    def __str__(self):
        # Words, not an arrow: "→" points the wrong way in a right-to-left line.
        return _("%(kind)s to %(address)s") % {"kind": self.get_kind_display(), "address": self.to}
