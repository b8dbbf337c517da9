from django.conf import settings
from django.core.management.base import BaseCommand

from outreach.services import inquiries_anonymise


class Command(BaseCommand):
    help = "Remove personal data from inquiries closed longer ago than the retention period."

    def handle(self, *args, **options):
        count = inquiries_anonymise()
        days = settings.OUTREACH_INQUIRY_RETENTION_DAYS
        self.stdout.write(f"anonymised {count} inquiries closed more than {days} days ago")
