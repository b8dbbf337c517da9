"""Personal data that expires (the privacy page states these periods).

`personal_data_expire(now)` applies every retention period from settings, and also removes the
copies the portal keeps elsewhere:

- inquiries, answered or not: the sender's details are removed
  `OUTREACH_INQUIRY_RETENTION_DAYS` after closing, or after arrival if never closed
  (`inquiries_anonymise`, extended here to open ones);
- news-alert addresses never confirmed: deleted `OUTREACH_UNCONFIRMED_RETENTION_DAYS` after the
  last confirmation mail (or sign-up);
- unsubscribed addresses: deleted `OUTREACH_UNSUBSCRIBED_RETENTION_DAYS` after unsubscribing,
  with their deliveries (whose error fields may quote the address);
- copies: the admin log's entries for those records (their title and change message) and any
  stored history version of them; delivery errors older than the unsubscribed period lose
  every e-mail address they quote.

Returns a dict of counts per kind, for the command's report.
"""

import datetime
import re

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from reversion.models import Version

from outreach.models import Delivery, Inquiry, Subscriber

from .inquiries import ANONYMISED

EMAIL_IN_TEXT = re.compile(r"[^\s<>\"'(),;:]+@[^\s<>\"'(),;:]+")
ADDRESS_REMOVED = "[address removed]"


def _days(name: str, default: int) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, name, default))


def _forget_copies(model, pks, *, keep_title: bool) -> None:
    """The admin log keeps each record's title (a subscriber's is the address) and change
    message; history versions keep a whole copy."""
    pks = [str(pk) for pk in pks]
    if not pks:
        return
    content_type = ContentType.objects.get_for_model(model)
    entries = LogEntry.objects.filter(content_type=content_type, object_id__in=pks)
    entries.update(change_message="")
    if not keep_title:
        entries.update(object_repr=ANONYMISED)
    Version.objects.filter(content_type=content_type, object_id__in=pks).delete()


def inquiries_expire(*, now: datetime.datetime) -> int:
    cutoff = now - _days("OUTREACH_INQUIRY_RETENTION_DAYS", 365)
    due = Inquiry.objects.filter(anonymised_at__isnull=True).filter(
        Q(status=Inquiry.Status.CLOSED, closed_at__lt=cutoff)
        | (~Q(status=Inquiry.Status.CLOSED) & Q(created_at__lt=cutoff))
    )
    pks = list(due.values_list("pk", flat=True))
    Inquiry.objects.filter(pk__in=pks).update(
        name=ANONYMISED,
        organisation="",
        email="",
        phone="",
        message=ANONYMISED,
        staff_note="",
        client_key="",
        anonymised_at=now,
    )
    # An inquiry's title in the log is its reference, which the office keeps.
    _forget_copies(Inquiry, pks, keep_title=True)
    return len(pks)


def subscribers_expire(*, now: datetime.datetime) -> tuple[int, int]:
    unconfirmed_cutoff = now - _days("OUTREACH_UNCONFIRMED_RETENTION_DAYS", 7)
    unsubscribed_cutoff = now - _days("OUTREACH_UNSUBSCRIBED_RETENTION_DAYS", 30)
    pending = Subscriber.objects.filter(status=Subscriber.Status.PENDING).filter(
        Q(confirmation_sent_at__lt=unconfirmed_cutoff)
        | Q(confirmation_sent_at__isnull=True, created_at__lt=unconfirmed_cutoff)
    )
    gone = Subscriber.objects.filter(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=unsubscribed_cutoff
    )
    counts = []
    for queryset in (pending, gone):
        pks = list(queryset.values_list("pk", flat=True))
        _forget_copies(Subscriber, pks, keep_title=False)
        Subscriber.objects.filter(pk__in=pks).delete()  # deliveries go with them (CASCADE)
        counts.append(len(pks))
    return counts[0], counts[1]


def delivery_errors_expire(*, now: datetime.datetime) -> int:
    cutoff = now - _days("OUTREACH_UNSUBSCRIBED_RETENTION_DAYS", 30)
    scrubbed = 0
    old = Delivery.objects.filter(updated_at__lt=cutoff, last_error__contains="@")
    for delivery in old.only("pk", "last_error"):
        delivery.last_error = EMAIL_IN_TEXT.sub(ADDRESS_REMOVED, delivery.last_error)
        delivery.save(update_fields=["last_error"])
        scrubbed += 1
    return scrubbed


@transaction.atomic
def personal_data_expire(*, now: datetime.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    unconfirmed, unsubscribed = subscribers_expire(now=now)
    return {
        "inquiries": inquiries_expire(now=now),
        "unconfirmed": unconfirmed,
        "unsubscribed": unsubscribed,
        "delivery_errors": delivery_errors_expire(now=now),
    }
