"""Apply every personal-data retention period (outreach/services/retention.py); run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from outreach.services import personal_data_expire


class Command(BaseCommand):
    help = (
        "Remove personal data past its retention period: inquiries (answered or not), "
        "unconfirmed and unsubscribed news-alert addresses, and their copies in deliveries, "
        "the admin log and history."
    )

    def handle(self, *args, **options):
        counts = personal_data_expire()
        self.stdout.write(
            f"anonymised {counts['inquiries']} inquiries closed (or received, if never closed) "
            f"more than {settings.OUTREACH_INQUIRY_RETENTION_DAYS} days ago; "
            f"deleted {counts['unconfirmed']} unconfirmed addresses after "
            f"{settings.OUTREACH_UNCONFIRMED_RETENTION_DAYS} days and "
            f"{counts['unsubscribed']} unsubscribed addresses after "
            f"{settings.OUTREACH_UNSUBSCRIBED_RETENTION_DAYS} days; "
            f"removed addresses from {counts['delivery_errors']} delivery errors"
        )
