"""News alerts by email: double opt-in, one-click unsubscribe, and the sending job."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from clusters.models import Cluster
from news.models import Post
from outreach.models import Delivery, PostAlert, Subscriber

logger = logging.getLogger(__name__)

_CONFIRM_SALT = "outreach.confirm"
_UNSUBSCRIBE_SALT = "outreach.unsubscribe"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
# One confirmation email per address per this interval, whoever asks for it.
RESEND_INTERVAL = datetime.timedelta(minutes=10)
# A delivery left "sending" this long belongs to a run that died; it may be tried again.
STALE_SENDING = datetime.timedelta(minutes=30)


def site_url(path: str) -> str:
    return settings.OUTREACH_SITE_URL.rstrip("/") + path


def _stamp(value: datetime.datetime) -> int:
    return int(value.timestamp())


def confirm_token(subscriber: Subscriber, *, all_news: bool, cluster_ids: list[int]) -> str:
    """Signed link data: who, the scope asked for, and which request (older links die)."""
    data = {
        "id": subscriber.pk,
        "all": all_news,
        "c": sorted(cluster_ids),
        "v": _stamp(subscriber.confirmation_sent_at),
    }
    return signing.dumps(data, salt=_CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    # No expiry: the link in a years-old email must still work (RFC 8058).
    return signing.Signer(salt=_UNSUBSCRIBE_SALT).sign(str(subscriber.pk))


def unsubscribe_url(subscriber: Subscriber) -> str:
    with translation.override(subscriber.language):
        path = reverse("outreach:unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    return site_url(path)


def subscriber_request(
    *,
    email: str,
    all_news: bool,
    clusters: list[Cluster],
    language: str,
    client_key: str,
    now: datetime.datetime | None = None,
) -> bool:
    """Ask an address to confirm alerts for a scope. Returns False only if mail failed.

    A new address is stored as pending with its scope; an existing one keeps its current
    alerts until the link is followed, so nobody can change or start another person's alerts.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    subscriber = Subscriber.objects.filter(email=email).first()
    last_sent = subscriber and subscriber.confirmation_sent_at
    if last_sent and now - last_sent.togregorian() < RESEND_INTERVAL:
        return True
    with transaction.atomic():
        if subscriber is None:
            subscriber = Subscriber(email=email)
        if subscriber.status == Subscriber.Status.PENDING:
            subscriber.language = language
            subscriber.all_news = all_news
        subscriber.client_key = client_key
        subscriber.confirmation_sent_at = now
        subscriber.full_clean()
        subscriber.save()
        if subscriber.status == Subscriber.Status.PENDING:
            subscriber.clusters.set(clusters)
    token = confirm_token(subscriber, all_news=all_news, cluster_ids=[c.pk for c in clusters])
    with translation.override(language):
        link = site_url(reverse("outreach:alerts-confirm", kwargs={"token": token}))
        message = EmailMessage(
            subject=render_to_string("outreach/email/confirm_subject.txt").strip(),
            body=render_to_string("outreach/email/confirm.txt", {"link": link}),
            to=[email],
            headers={"Auto-Submitted": "auto-generated"},
        )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("alerts: confirmation email failed (%s)", type(error).__name__)
        # Let the reader ask again at once rather than wait out the resend interval.
        Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=None)
        return False
    return True


def subscriber_confirm(*, token: str, now: datetime.datetime | None = None) -> Subscriber | None:
    """Apply the scope carried by a valid confirmation link; None for a bad or used link."""
    try:
        data = signing.loads(token, salt=_CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        subscriber = Subscriber.objects.get(pk=data["id"])
    except (signing.BadSignature, Subscriber.DoesNotExist, KeyError, TypeError, ValueError):
        return None
    sent_at = subscriber.confirmation_sent_at
    if sent_at is None or _stamp(sent_at.togregorian()) != data.get("v"):
        return None
    with transaction.atomic():
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.all_news = bool(data.get("all"))
        subscriber.confirmed_at = now or timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.confirmation_sent_at = None
        subscriber.full_clean()
        subscriber.save()
        subscriber.clusters.set(Cluster.objects.filter(pk__in=data.get("c") or []))
    return subscriber


def subscriber_unsubscribe(*, token: str) -> Subscriber | None:
    try:
        pk = signing.Signer(salt=_UNSUBSCRIBE_SALT).unsign(token)
        subscriber = Subscriber.objects.get(pk=int(pk))
    except (signing.BadSignature, Subscriber.DoesNotExist, ValueError):
        return None
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        # A confirmation link still in the mailbox must not sign the address up again: it is
        # valid only for the confirmation_sent_at it was made with.
        subscriber.confirmation_sent_at = None
        subscriber.save(update_fields=["status", "unsubscribed_at", "confirmation_sent_at"])
    return subscriber


def _plan(*, now: datetime.datetime) -> int:
    """Fix the audience of each newly published post; returns how many deliveries were made."""
    oldest = now - datetime.timedelta(days=settings.OUTREACH_ALERT_MAX_POST_AGE_DAYS)
    planned = 0
    for post in Post.objects.published().filter(alert__isnull=True).order_by("publish_at"):
        try:
            with transaction.atomic():
                PostAlert.objects.create(post=post, planned_at=now)
                if post.publish_at.togregorian() < oldest:
                    continue
                deliveries = [
                    Delivery(post=post, subscriber=subscriber, updated_at=now)
                    for subscriber in Subscriber.objects.for_post(post)
                ]
                Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
                planned += len(deliveries)
        except IntegrityError:
            continue  # another run planned this post first
    return planned


def _alert_message(delivery: Delivery) -> EmailMessage:
    subscriber, post = delivery.subscriber, delivery.post
    unsubscribe = unsubscribe_url(subscriber)
    with translation.override(subscriber.language):
        context = {
            "post": post,
            "link": site_url(post.get_absolute_url()),
            "unsubscribe": unsubscribe,
            "subscriber": subscriber,
        }
        return EmailMessage(
            subject=" ".join(str(post.title).split()),
            body=render_to_string("outreach/email/post_alert.txt", context),
            to=[subscriber.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )


def _claim(delivery: Delivery, *, now: datetime.datetime) -> bool:
    """Take the delivery for this run; False if another run took it first."""
    return bool(
        Delivery.objects.filter(
            pk=delivery.pk, status=delivery.status, attempts=delivery.attempts
        ).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1, updated_at=now)
    )


def _send_due(*, now: datetime.datetime) -> tuple[int, int]:
    due = (
        Delivery.objects.due(
            max_attempts=settings.OUTREACH_ALERT_MAX_ATTEMPTS, stale_before=now - STALE_SENDING
        )
        .select_related("post", "subscriber")
        .order_by("pk")
    )
    sent = failed = 0
    connection = get_connection()
    try:
        for delivery in due:
            if not _claim(delivery, now=now):
                continue
            try:
                if not connection.send_messages([_alert_message(delivery)]):
                    raise smtplib.SMTPException("the mail server accepted no message")
            except (smtplib.SMTPException, OSError) as error:
                failed += 1
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.Status.FAILED,
                    last_error=f"{type(error).__name__}: {error}"[:500],
                    updated_at=timezone.now(),
                )
                logger.warning("alerts: delivery %s failed (%s)", delivery.pk, type(error).__name__)
                connection.close()
                if isinstance(error, ConnectionError):
                    break  # the server is unreachable: the rest wait for the next run
                continue
            sent += 1
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                last_error="",
                updated_at=timezone.now(),
            )
    finally:
        connection.close()
    return sent, failed


def alerts_send_pending(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Email newly published posts to their subscribers; retry earlier failures.

    Safe to call from a publish action or a timer, as often as wanted: each post is mailed
    once per subscriber, and no error ever reaches the caller, so publishing never waits on mail.
    """
    now = now or timezone.now()
    result = {"planned": 0, "sent": 0, "failed": 0}
    try:
        result["planned"] = _plan(now=now)
        result["sent"], result["failed"] = _send_due(now=now)
    except Exception:
        logger.exception("alerts: the sending run stopped early")
        result["error"] = 1
    return result
