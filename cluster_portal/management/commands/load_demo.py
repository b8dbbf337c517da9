"""Load the clearly labelled demo news set. Never part of the production content."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.loading import read_fixture
from core.public_content import one_content_change
from news.content import load_demo_posts


class Command(BaseCommand):
    help = "Load demo news and events (flagged and labelled as demo) from fixtures/demo."

    @transaction.atomic
    def handle(self, *args, **options):
        with one_content_change():  # one move of the content version for all the posts
            load_demo_posts(read_fixture("demo/news.json"))
        self.stdout.write(self.style.SUCCESS("Demo news loaded."))
