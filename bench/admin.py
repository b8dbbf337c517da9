"""The office's admin at the benchmark size: every registered change list, add and change form.

Two users of this module:
- `tests/test_admin_query_budget.py` walks `admin_pages()` at 10 and at 1,000 rows and counts
  queries (the same at both sizes, or an N+1 is hiding);
- `make bench` (bench/run.py) calls `main()` in a subprocess against its PostgreSQL data set,
  which times every page with a signed-in superuser, one request at a time, and returns a
  Markdown table for docs/performance.md. Target: a median under 300 ms per page.

The requests go through Django's test client in one process: what is timed is the admin's own
work (queries, forms, templates), not the network or the page cache, which the admin bypasses.
"""

import datetime
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TARGET_MS = 300
REPEATS = 7


@dataclass(frozen=True)
class AdminPage:
    id: str  # "news.post:changelist"
    url: str
    status: int = 200


def make_outreach(count: int, clusters, posts, deliveries_each: int = 1) -> None:
    """`count` inquiries, subscribers, page answers and site notices, and `deliveries_each`
    alert deliveries per subscriber, each of a different post among `posts`.

    What the public and the alert sender write: the admin lists them, nobody edits them.
    """
    from django.utils import timezone

    from outreach.models import Delivery, Inquiry, PageFeedback, SiteNotice, Subscriber

    now = timezone.now()
    statuses = list(Inquiry.Status)
    Inquiry.objects.bulk_create(
        (
            Inquiry(
                reference=f"ZC-BENCH-{index:06d}",
                kind=Inquiry.Kind.INVEST,
                cluster=clusters[index % len(clusters)] if index % 3 else None,
                name=f"پرسنده آزمایشی {index}",
                email=f"asker{index}@example.org",
                message="پرسش آزمایشی درباره سرمایه‌گذاری در خوشه.",
                status=statuses[index % 2],  # new or answered: closed needs its closing time
                created_at=now - datetime.timedelta(hours=index),
            )
            for index in range(count)
        ),
        batch_size=5000,
    )
    subscribers = Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{index}@example.org",
                all_news=True,
                status=Subscriber.Status.CONFIRMED,
                created_at=now - datetime.timedelta(hours=index),
                confirmed_at=now - datetime.timedelta(hours=index),
            )
            for index in range(count)
        ),
        batch_size=5000,
    )
    Delivery.objects.bulk_create(
        (
            Delivery(
                post=posts[(index + offset) % len(posts)],
                subscriber=subscriber,
                status=Delivery.Status.SENT,
                attempts=1,
                sent_at=now - datetime.timedelta(minutes=index),
                updated_at=now - datetime.timedelta(minutes=index),
            )
            for index, subscriber in enumerate(subscribers)
            for offset in range(deliveries_each)
        ),
        batch_size=5000,
    )
    PageFeedback.objects.bulk_create(
        (
            PageFeedback(
                path=f"/news/{index % 50}/",
                language="fa",
                useful=bool(index % 3),
                comment="نظر آزمایشی." if index % 5 == 0 else "",
                created_at=now - datetime.timedelta(minutes=index),
            )
            for index in range(count)
        ),
        batch_size=5000,
    )
    SiteNotice.objects.bulk_create(
        SiteNotice(
            text=f"اطلاعیه آزمایشی {index}",
            starts_at=now - datetime.timedelta(days=index + 2),
            ends_at=now - datetime.timedelta(days=index + 1),
        )
        for index in range(count)
    )


def make_sign_ins(count: int, user) -> None:
    """`count` sign-in records of each kind django-axes keeps, and a TOTP device for `user`."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_totp.models import TOTPDevice

    common = {"user_agent": "bench", "http_accept": "text/html", "path_info": "/admin/login/"}
    AccessLog.objects.bulk_create(
        (
            AccessLog(username=f"editor{index}", ip_address="127.0.0.1", **common)
            for index in range(count)
        ),
        batch_size=5000,
    )
    AccessFailureLog.objects.bulk_create(
        (
            AccessFailureLog(username=f"editor{index}", ip_address="127.0.0.1", **common)
            for index in range(count)
        ),
        batch_size=5000,
    )
    AccessAttempt.objects.bulk_create(
        (
            AccessAttempt(
                username=f"editor{index}",
                ip_address="127.0.0.1",
                get_data="",
                post_data="",
                failures_since_start=1,
                **common,
            )
            for index in range(count)
        ),
        batch_size=5000,
    )
    TOTPDevice.objects.get_or_create(user=user, defaults={"name": "bench"})


def admin_pages(site=None, objects=None) -> list[AdminPage]:
    """Every registered admin's change list, add form (where adding is allowed) and the change
    form of one object: the object in `objects` ({model: instance}) for models whose pages
    grow with the data, else the first row of the admin's own list."""
    from django.contrib import admin
    from django.urls import reverse

    site = site or admin.site
    objects = objects or {}
    pages = []
    for model, model_admin in sorted(site._registry.items(), key=lambda item: item[0]._meta.label):
        opts = model._meta
        name = f"{opts.app_label}.{opts.model_name}"
        prefix = f"{site.name}:{opts.app_label}_{opts.model_name}"
        pages.append(AdminPage(f"{name}:changelist", reverse(f"{prefix}_changelist")))
        if model_admin.has_add_permission(_superuser_request()):
            pages.append(AdminPage(f"{name}:add", reverse(f"{prefix}_add")))
        instance = objects.get(model) or model._default_manager.order_by("pk").first()
        if instance is not None:
            url = reverse(f"{prefix}_change", args=[instance.pk])
            pages.append(AdminPage(f"{name}:change", url))
    return pages


def _superuser_request():
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.user.is_superuser = True
    request.user.is_active = True
    request.user.is_staff = True
    request.user.has_perm = lambda *args, **kwargs: True
    return request


def time_pages(client, pages, repeats=REPEATS) -> list[tuple[AdminPage, list[float], int]]:
    """(page, sorted milliseconds, status) for every page, each requested `repeats` times after
    one untimed request (a worker's first request loads templates and translations)."""
    results = []
    for page in pages:
        client.get(page.url)
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(page.url)
            timings.append((time.perf_counter() - started) * 1000)
        results.append((page, sorted(timings), response.status_code))
    return results


def table(results) -> tuple[str, bool]:
    lines = [
        "| admin page | status | median ms | slowest ms | target |",
        "|---|---:|---:|---:|---|",
    ]
    failed = False
    for page, timings, status in results:
        median = statistics.median(timings)
        ok = status == page.status and median < TARGET_MS
        failed |= not ok
        verdict = "ok" if ok else ("FAIL: status" if status != page.status else "FAIL: ≥ 300 ms")
        lines.append(f"| {page.id} | {status} | {median:.0f} | {timings[-1]:.0f} | {verdict} |")
    return "\n".join(lines), failed


def bench_objects() -> dict:
    """The rows whose change pages grow with the data set: the current ranking edition, the
    legal basis citing every generated cluster, the cluster of the generated joint actions, a
    generated indicator and post."""
    from carpets.models import Indicator
    from clusters.models import Cluster, LegalBasis, PriorityRanking
    from news.models import Post

    picks = {
        PriorityRanking: PriorityRanking.objects.filter(is_current=True).first(),
        LegalBasis: LegalBasis.objects.order_by("-number").first(),
        Cluster: Cluster.objects.filter(slug="bench-0").first(),
        Indicator: Indicator.objects.filter(slug__startswith="bench-").first(),
        Post: Post.objects.filter(slug__startswith="bench-").first(),
    }
    return {model: row for model, row in picks.items() if row is not None}


def main() -> None:
    """Run inside the bench's environment (DATABASE_URL and settings of bench/run.py): add the
    outreach rows once, then time every admin page and print the Markdown table."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings.prod")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from clusters.models import Cluster
    from news.models import Post
    from outreach.models import Inquiry

    size = int(os.environ.get("BENCH_OUTREACH", "10000"))
    if not Inquiry.objects.filter(reference__startswith="ZC-BENCH-").exists():
        print(f"Generating {size} inquiries, subscribers, deliveries, answers…", flush=True)
        make_outreach(
            size,
            list(Cluster.objects.all()),
            list(Post.objects.order_by("-pk")[: max(5, size // 10)]),
            deliveries_each=5,
        )
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if not TOTPDevice.objects.filter(user=user).exists():
        make_sign_ins(size // 10, user)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    pages = admin_pages(objects=bench_objects())
    if only := os.environ.get("BENCH_ADMIN_ONLY"):  # "news.post,clusters.": a few pages again
        pages = [page for page in pages if any(part in page.id for part in only.split(","))]
    results = time_pages(client, pages)
    text, failed = table(results)
    print(text)
    if failed:
        print("ADMIN-TARGETS-MISSED", file=sys.stderr)


if __name__ == "__main__":
    main()
