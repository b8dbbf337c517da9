from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from every searchable page."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} objects."))
