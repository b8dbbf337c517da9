from django.core.management.base import BaseCommand

from outreach.services import inquiries_send_digest, outbox_send_due


class Command(BaseCommand):
    help = (
        "Mail the office the questions still new after the calendar's working days "
        "(Office calendar in the admin); run once a day."
    )

    def handle(self, *args, **options):
        queued = inquiries_send_digest()
        result = outbox_send_due()
        self.stdout.write(f"{queued} digest(s) queued, {result['sent']} mail(s) sent")
