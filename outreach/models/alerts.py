from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.fields import JalaliDateTimeField
from core.persian import localize_digits
from news.models import Post

from .choices import LANGUAGE_CHOICES, mail_server_error_field


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def for_post(self, post: Post):
        """Confirmed readers who asked for all news or for one of the post's clusters."""
        return (
            self.confirmed()
            .filter(Q(all_news=True) | Q(clusters__in=post.clusters.all()))
            .distinct()
        )

    def requested_by(self, client_key: str, *, since):
        return self.filter(client_key=client_key, confirmation_sent_at__gte=since)


class Subscriber(models.Model):
    """A reader who gets an email when news is published: all news, or some clusters' news.

    Double opt-in: the row starts pending and only a signed link sent to the address confirms
    it; a change of scope is carried in that link too, so nobody can change another's alerts.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="fa")
    all_news = models.BooleanField(_("all news"), default=False)
    clusters = models.ManyToManyField(
        Cluster, related_name="subscribers", verbose_name=_("clusters"), blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    client_key = models.CharField(_("client key"), max_length=64, blank=True, editable=False)
    created_at = JalaliDateTimeField(_("created at"), default=timezone.now, editable=False)
    confirmation_sent_at = JalaliDateTimeField(
        _("confirmation sent at"), null=True, blank=True, editable=False
    )
    confirmed_at = JalaliDateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = JalaliDateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("news alert subscriber")
        verbose_name_plural = _("news alert subscribers")
        ordering = ["-created_at", "-pk"]
        # The admin's list order: its first page is read from the index, not a sort.
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="subscriber_list_idx"),
            # The per-client limit counts a client's requests of the last hour on every sign-up.
            models.Index(
                fields=["client_key", "confirmation_sent_at"], name="subscriber_client_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "confirmed", "unsubscribed"]),
                name="subscriber_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at__isnull=False),
                name="subscriber_confirmed_has_date",
            ),
        ]

    def __str__(self):
        return self.email


class PostAlert(models.Model):
    """Marks a post as handled: its audience was fixed when the sender first saw it published.

    Fixing the audience then means a reader who subscribes later never gets older posts.
    """

    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, related_name="alert", verbose_name=_("post")
    )
    planned_at = JalaliDateTimeField(_("planned at"), default=timezone.now)

    class Meta:
        verbose_name = _("post alert")
        verbose_name_plural = _("post alerts")
        ordering = ["-planned_at"]

    def __str__(self):
        return str(self.post)


class DeliveryQuerySet(models.QuerySet):
    def due(self, *, max_attempts: int, stale_before):
        """Deliveries to try now: never tried, failed, or stuck in sending by a crashed run."""
        waiting = Q(status__in=[Delivery.Status.PENDING, Delivery.Status.FAILED])
        stuck = Q(status=Delivery.Status.SENDING, updated_at__lt=stale_before)
        return self.filter(
            waiting | stuck,
            attempts__lt=max_attempts,
            subscriber__status=Subscriber.Status.CONFIRMED,
            post__in=Post.objects.published(),
        )


class Delivery(models.Model):
    """One alert email: a post to one subscriber, with its attempts, so nothing goes twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("post")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = mail_server_error_field()
    sent_at = JalaliDateTimeField(_("sent at"), null=True, blank=True)
    updated_at = JalaliDateTimeField(_("updated at"), default=timezone.now)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["-updated_at", "-id"], name="delivery_list_idx")]
        constraints = [
            models.UniqueConstraint(fields=["post", "subscriber"], name="one_delivery_per_post"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "sending", "sent", "failed"]),
                name="delivery_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False, attempts__gt=0),
                name="delivery_sent_has_date",
            ),
        ]

    def __str__(self):
        return _("%(post)s to subscriber %(number)s") % {
            "post": self.post,
            "number": localize_digits(self.subscriber_id),
        }
