from django.core.management.base import BaseCommand

from outreach.services import outbox_send_due


class Command(BaseCommand):
    help = "Send queued mails (office notices, acknowledgements, answers, digests); retry failures."

    def handle(self, *args, **options):
        result = outbox_send_due()
        self.stdout.write(
            f"{result['sent']} sent, {result['failed']} failed, {result['bounced']} bounced"
        )
