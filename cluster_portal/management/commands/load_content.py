"""Load the source document's content: run it any number of times, nothing is duplicated."""

from django.core.management.base import BaseCommand
from django.db import transaction

from carpets.content import load_statistics
from clusters.content import load_programme
from core.loading import read_fixture
from core.public_content import one_content_change
from directory.content import load_directory


class Command(BaseCommand):
    help = "Load the office's content (programme, clusters, carpet figures) from fixtures/content."

    @transaction.atomic
    def handle(self, *args, **options):
        # Hundreds of rows: the content version moves once, when all are in.
        with one_content_change():
            load_programme(read_fixture("content/programme.json"))
            load_statistics(read_fixture("content/statistics.json"))
            load_directory(read_fixture("content/directory.json"))
        self.stdout.write(self.style.SUCCESS("Content loaded."))
