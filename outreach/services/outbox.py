"""Queue rendered mails and send them later: a request never waits on the mail server.

`mail_queue` writes an OutgoingMail row; `outbox_send_soon` sends the queue once the request's
transaction commits, in a background thread (OUTREACH_MAIL_SENDING), and the
`send_mail_outbox` timer retries failures. An address the server refused for good (5xx
recipient) is recorded as bounced and gets nothing automatic again.
"""

import datetime
import logging
import smtplib
import threading

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from outreach.mail import RenderedMail, as_message, new_message_id
from outreach.models import BouncedAddress, Inquiry, OutgoingMail

logger = logging.getLogger(__name__)

# A mail left "sending" this long belongs to a run that died; it may be tried again.
STALE_SENDING = datetime.timedelta(minutes=30)


def is_bounced(email: str) -> bool:
    return BouncedAddress.objects.filter(email=email.strip().lower()).exists()


def mail_queue(
    mail: RenderedMail,
    *,
    kind: str,
    to: str,
    inquiry: Inquiry | None = None,
    message_id: str | None = None,
    skip_bounced: bool = True,
) -> OutgoingMail | None:
    """Store a mail for sending; None when the address bounced or the mail exists already.

    An acknowledgement is stored once per inquiry (a database constraint), so a second call
    for the same inquiry is a no-op rather than a second mail.
    """
    if skip_bounced and is_bounced(to):
        logger.info("outbox: %s not queued, the address bounced before", kind)
        return None
    row = OutgoingMail(
        kind=kind,
        inquiry=inquiry,
        to=to,
        subject=mail.subject[:300],
        body_text=mail.text,
        body_html=mail.html,
        headers=mail.headers,
        message_id=message_id or new_message_id(kind),
    )
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        return None
    return row


def _claim(mail: OutgoingMail, *, now) -> bool:
    return bool(
        OutgoingMail.objects.filter(pk=mail.pk, status=mail.status, attempts=mail.attempts).update(
            status=OutgoingMail.Status.SENDING, attempts=F("attempts") + 1, updated_at=now
        )
    )


def _message(mail: OutgoingMail):
    rendered = RenderedMail(mail.subject, mail.body_text, mail.body_html, "", mail.headers)
    return as_message(rendered, to=mail.to, message_id=mail.message_id)


def _permanent_refusal(error: Exception) -> bool:
    """The server refused the recipient for good (5xx), as opposed to "try later" (4xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


def outbox_send_due(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Send every due mail once; failures are recorded on the row and retried by the next run.

    Never raises: the caller may be a thread after a response or a timer. Returns counts.
    """
    now = now or timezone.now()
    result = {"sent": 0, "failed": 0, "bounced": 0}
    due = OutgoingMail.objects.due(
        max_attempts=settings.OUTREACH_MAIL_MAX_ATTEMPTS, stale_before=now - STALE_SENDING
    ).order_by("pk")
    smtp = get_connection()
    try:
        for mail in due:
            if not _claim(mail, now=now):
                continue
            try:
                if not smtp.send_messages([_message(mail)]):
                    raise smtplib.SMTPException("the mail server accepted no message")
            except (smtplib.SMTPException, OSError) as error:
                result["failed"] += 1
                update = {
                    "status": OutgoingMail.Status.FAILED,
                    "last_error": f"{type(error).__name__}: {error}"[:500],
                    "updated_at": timezone.now(),
                }
                if _permanent_refusal(error):
                    result["bounced"] += 1
                    BouncedAddress.objects.get_or_create(
                        email=mail.to.strip().lower(), defaults={"reason": update["last_error"]}
                    )
                    update["attempts"] = settings.OUTREACH_MAIL_MAX_ATTEMPTS  # no retry
                OutgoingMail.objects.filter(pk=mail.pk).update(**update)
                logger.warning("outbox: mail %s failed (%s)", mail.pk, type(error).__name__)
                smtp.close()
                # Unreachable, stalled (a timeout shows as a disconnection) or gone mid-way:
                # the rest wait for the next run rather than each waiting out the timeout.
                if isinstance(
                    error, ConnectionError | TimeoutError | smtplib.SMTPServerDisconnected
                ):
                    break
                continue
            result["sent"] += 1
            OutgoingMail.objects.filter(pk=mail.pk).update(
                status=OutgoingMail.Status.SENT,
                sent_at=timezone.now(),
                last_error="",
                updated_at=timezone.now(),
            )
    except Exception:
        logger.exception("outbox: the sending run stopped early")
        result["error"] = 1
    finally:
        smtp.close()
    return result


def _send_in_thread():
    try:
        outbox_send_due()
    finally:
        connection.close()  # the thread's own database connection


def outbox_send_soon() -> None:
    """Send the queue without holding up the response, as OUTREACH_MAIL_SENDING says.

    "thread" (the default): after the current transaction commits, in a background thread.
    "inline" (the tests): at once, in the caller, so a test reads the inbox after a request.
    "job": nothing here; the `send_mail_outbox` timer sends the queue.
    """
    mode = settings.OUTREACH_MAIL_SENDING
    if mode == "inline":
        outbox_send_due()
    elif mode == "thread":
        transaction.on_commit(
            lambda: threading.Thread(target=_send_in_thread, name="outbox", daemon=True).start()
        )
