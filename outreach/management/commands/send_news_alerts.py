from django.core.management.base import BaseCommand

from outreach.services import alerts_send_pending


class Command(BaseCommand):
    help = "Email newly published news to confirmed subscribers and retry failed deliveries."

    def handle(self, *args, **options):
        result = alerts_send_pending()
        self.stdout.write(
            "planned {planned}, sent {sent}, failed {failed}".format(**result), ending="\n"
        )
        if result.get("error"):
            # Non-zero for the timer's logs; the details are in the log, without addresses.
            raise SystemExit(1)
