"""Make every cached page stale: for changes made behind the ORM's back (SQL, bulk updates)."""

from django.core.management.base import BaseCommand

from core.content_cache import invalidate


class Command(BaseCommand):
    help = "Invalidate the shared page cache on every server at once."

    def handle(self, *args, **options):
        invalidate()
        self.stdout.write(self.style.SUCCESS("Page cache invalidated."))
