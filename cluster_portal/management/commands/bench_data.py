"""Generate a large synthetic data set for `make bench`: never run it on a real database."""

import datetime
import random
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from carpets.models import Indicator, Observation, Source
from clusters.models import Cluster, PriorityRanking, RankedCluster
from news.models import Category, Post


class Command(BaseCommand):
    help = "Fill the database with benchmark data (clusters, posts, indicators with 40 years)."

    def add_arguments(self, parser):
        parser.add_argument("--clusters", type=int, default=200)
        parser.add_argument("--posts", type=int, default=50_000)
        parser.add_argument("--indicators", type=int, default=100)
        parser.add_argument("--years", type=int, default=40)
        parser.add_argument("--sources", type=int, default=3)
        parser.add_argument("--yes-i-mean-it", action="store_true")

    @transaction.atomic
    def handle(self, *args, **options):
        if not options["yes_i_mean_it"]:
            raise CommandError("This writes thousands of fake rows. Pass --yes-i-mean-it.")
        rng = random.Random(1404)
        clusters = self._clusters(options["clusters"])
        self._ranking(clusters)
        self._posts(options["posts"], clusters, rng)
        self._statistics(options["indicators"], options["years"], options["sources"], rng)
        self.stdout.write(self.style.SUCCESS("Benchmark data generated."))

    def _clusters(self, count):
        existing = Cluster.objects.count()
        Cluster.objects.bulk_create(
            Cluster(
                slug=f"bench-{index}",
                name_fa=f"خوشه آزمایشی {index}",
                name_en=f"Benchmark cluster {index}",
                sector=Cluster.Sector.MANUFACTURING,
                summary_fa="خوشه‌ای برای سنجش کارایی.",
                profile_fa="متن شناسنامه خوشه آزمایشی.\n\nبند دوم.",
            )
            for index in range(max(0, count - existing))
        )
        return list(Cluster.objects.all())

    def _ranking(self, clusters):
        PriorityRanking.objects.filter(is_current=True).update(is_current=False)
        ranking = PriorityRanking.objects.create(title_fa="اولویت‌بندی آزمایشی", is_current=True)
        RankedCluster.objects.bulk_create(
            RankedCluster(ranking=ranking, cluster=cluster, rank=rank)
            for rank, cluster in enumerate(clusters, start=1)
        )

    def _posts(self, count, clusters, rng):
        category, _created = Category.objects.get_or_create(
            slug="bench", defaults={"name_fa": "آزمایشی"}
        )
        now = timezone.now()
        body = "<p>" + "متن خبر آزمایشی برای سنجش کارایی. " * 40 + "</p>"
        posts = Post.objects.bulk_create(
            (
                Post(
                    kind=Post.Kind.NEWS,
                    title_fa=f"خبر آزمایشی شماره {index}",
                    title_en=f"Benchmark post {index}",
                    slug=f"bench-{index}",
                    lead_fa="لید خبر آزمایشی.",
                    body_fa=body,
                    category=category,
                    status=Post.Status.PUBLISHED,
                    publish_at=now - datetime.timedelta(minutes=index + 1),
                    is_important=index < 10,
                )
                for index in range(count)
            ),
            batch_size=2000,
        )
        links = Post.clusters.through
        links.objects.bulk_create(
            (links(post_id=post.pk, cluster_id=rng.choice(clusters).pk) for post in posts),
            batch_size=5000,
        )

    def _statistics(self, indicators, years, sources, rng):
        source_rows = [
            Source.objects.get_or_create(
                slug=f"bench-source-{index}",
                defaults={"name_fa": f"منبع آزمایشی {index}", "publisher_fa": "ناشر آزمایشی"},
            )[0]
            for index in range(sources)
        ]
        first = Indicator.objects.count()
        indicator_rows = Indicator.objects.bulk_create(
            Indicator(
                slug=f"bench-indicator-{index}",
                name_fa=f"شاخص آزمایشی {index}",
                unit_fa="واحد",
                order=100 + first + index,
            )
            for index in range(indicators)
        )
        Observation.objects.bulk_create(
            (
                Observation(
                    indicator=indicator,
                    year=1404 - offset,
                    value=Decimal(rng.randint(100, 100_000)),
                    scope=Observation.Scope.PROVINCE,
                    source=source,
                )
                for indicator in indicator_rows
                for offset in range(years)
                for source in source_rows
            ),
            batch_size=5000,
        )
