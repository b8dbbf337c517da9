import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from clusters.models import Cluster
from outreach.models import Inquiry

from .inquiry_mail import inquiry_notify

ANONYMISED = "—"


@transaction.atomic
def inquiry_submit(
    *,
    kind: str,
    cluster: Cluster | None,
    name: str,
    organisation: str,
    email: str,
    phone: str,
    message: str,
    language: str,
    client_key: str,
) -> Inquiry:
    inquiry = Inquiry(
        kind=kind,
        cluster=cluster,
        name=name,
        organisation=organisation,
        email=email,
        phone=phone,
        message=message,
        language=language,
        client_key=client_key,
    )
    # A new question's status is "new", its email required by its field, and it is not closed:
    # the check constraints hold by construction and the database enforces them, so they are
    # not validated again with a query each (three per question).
    inquiry.full_clean(exclude=["reference"], validate_constraints=False)
    inquiry.save()
    # The serial is the primary key: unique across workers without a counter of our own.
    inquiry.reference = Inquiry.make_reference(inquiry.pk, inquiry.created_at)
    inquiry.save(update_fields=["reference"])
    inquiry_notify(inquiry=inquiry)
    return inquiry


def inquiry_set_status(*, inquiry: Inquiry, status: str) -> Inquiry:
    """Change the status; closing starts the retention clock, reopening stops it."""
    inquiry.status = status
    if status == Inquiry.Status.CLOSED:
        inquiry.closed_at = inquiry.closed_at or timezone.now()
    else:
        inquiry.closed_at = None
    inquiry.full_clean()
    inquiry.save(update_fields=["status", "closed_at"])
    return inquiry


def inquiries_anonymise(*, now: datetime.datetime | None = None) -> int:
    """Strip personal data from inquiries closed longer ago than the retention period.

    The reference, subject, cluster, language and dates stay for the office's statistics.
    Returns how many inquiries were anonymised.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.OUTREACH_INQUIRY_RETENTION_DAYS)
    return Inquiry.objects.due_for_anonymising(before=cutoff).update(
        name=ANONYMISED,
        organisation="",
        email="",
        phone="",
        message=ANONYMISED,
        staff_note="",
        client_key="",
        anonymised_at=now,
    )
