"""Every admin change list, add form and change form runs the same queries at 10 and 1,000 rows.

The office's tables grow for years: 50,000 posts, 10,000 inquiries, a ranking edition of 200
clusters. A page that runs one query per row (a column, an inline's label, a selector's choice)
is fine on a test database of ten rows and takes seconds at the office's real size; counting
queries at two sizes finds it without a timed test.

The pages come from the admin registry (`bench.admin.admin_pages`), so an admin registered
later is measured without an entry here. Change forms are those of the rows that grow with the
data: the current ranking edition (every cluster ranked), the legal basis citing every cluster,
phase and action, the cluster with every joint action, a post, an indicator, an inquiry with
its answers and mails. The office mail's own tables (outbox, bounces, recipients, holidays)
are filled at both sizes too.
"""

import datetime

import jdatetime
import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.admin import admin_pages, make_outreach, make_sign_ins
from bench.data import generate, sized
from carpets.models import Indicator
from clusters.models import Cluster, LegalBasis, PriorityRanking
from directory.models import Document, Organisation
from news.models import Post
from outreach.models import (
    BouncedAddress,
    Inquiry,
    InquiryAnswer,
    OfficeCalendar,
    OfficeHoliday,
    OfficeRecipient,
    OutgoingMail,
)

pytestmark = pytest.mark.django_db

SIZES = (10, 1000)
# Session, user, the page's own rows, its filters' choices, the history of a versioned model:
# no admin page needs more, whatever the size.
MAX_QUERIES = 40


def _objects(data) -> dict:
    return {
        Cluster: data.hub,
        LegalBasis: data.basis,
        PriorityRanking: data.ranking,
        Post: data.post,
        Indicator: data.indicator,
        Organisation: data.organisation,
        Document: data.document,
    }


def _make_office_mail(size, user) -> dict:
    """The office mail at `size`: `size` mails, bounced addresses, recipients (across clusters
    and subjects) and holidays, the one calendar, and an inquiry whose answers and mails grow
    with the data (its change page lists them). Returns that inquiry and one of its mails."""
    clusters = list(Cluster.objects.order_by("pk"))
    kinds = ["", *Inquiry.Kind.values]
    inquiry = Inquiry.objects.order_by("pk").first()
    many = max(1, size // 10)
    InquiryAnswer.objects.bulk_create(
        InquiryAnswer(inquiry=inquiry, body=f"<p>پاسخ {index}</p>", answered_by=user)
        for index in range(many)
    )
    mails = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            kind=OutgoingMail.Kind.ANSWER,
            inquiry=inquiry if index < many else None,
            to=f"asker{index}@example.org",
            subject=f"پاسخ {index}",
            body_text="پاسخ",
            body_html="<p>پاسخ</p>",
            message_id=f"<bench-{size}-{index}@example.org>",
        )
        for index in range(size)
    )
    BouncedAddress.objects.bulk_create(
        BouncedAddress(email=f"gone{index}@example.org", reason="550") for index in range(size)
    )
    OfficeRecipient.objects.bulk_create(
        OfficeRecipient(
            email=f"office{index}@example.org",
            cluster=clusters[index % len(clusters)] if index % 4 else None,
            kind=kinds[index % len(kinds)],
        )
        for index in range(size)
    )
    OfficeCalendar.objects.create()
    first = jdatetime.date(1400, 1, 1)
    OfficeHoliday.objects.bulk_create(
        OfficeHoliday(date=first + datetime.timedelta(days=index), name=f"تعطیل {index}")
        for index in range(size)
    )
    return {Inquiry: inquiry, OutgoingMail: mails[0]}


def _measure_all(size) -> dict[str, tuple[int, int]]:
    call_command("load_content", verbosity=0)
    data = generate(**sized(size))
    make_outreach(size, list(Cluster.objects.all()), list(Post.objects.order_by("pk")[:size]))
    user = get_user_model().objects.create_superuser("budget", "budget@example.org", "x" * 16)
    make_sign_ins(size, user)
    objects = {**_objects(data), **_make_office_mail(size, user)}
    client = Client()
    client.force_login(user)
    results = {}
    # The clock stands still while pages are measured: a generated post or notice whose time
    # passed between a page's two requests would move the content version and add the
    # scheduled-moment queries to the second (seen on a slow run: 5 queries, then 8).
    with time_machine.travel(timezone.now(), tick=False):
        for page in admin_pages(objects=objects):
            client.get(page.url)  # the first request of a page fills per-process caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page.url)
            results[page.id] = (response.status_code, len(queries))
    return results


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """{size: {page id: (status, queries)}}; each data set is built once and rolled back."""
    results = {}
    with django_db_blocker.unblock():
        for size in SIZES:
            with transaction.atomic():
                results[size] = _measure_all(size)
                transaction.set_rollback(True)
    print("\n| admin page | status | queries at 10 | queries at 1,000 |")
    for page_id in results[SIZES[0]]:
        small, large = (results[size].get(page_id, (None, None)) for size in SIZES)
        print(f"| {page_id} | {small[0]} | {small[1]} | {large[1]} |")
    return results


def _page_ids():
    from django.contrib import admin

    ids = []
    for model, model_admin in admin.site._registry.items():
        name = f"{model._meta.app_label}.{model._meta.model_name}"
        ids.append(f"{name}:changelist")
        ids.append(f"{name}:change")
        if type(model_admin).has_add_permission is not admin.ModelAdmin.has_add_permission:
            continue
        ids.append(f"{name}:add")
    return sorted(ids)


def test_every_admin_page_is_measured(measured):
    """Every registered admin's pages were reached at both sizes (none silently missing)."""
    for size in SIZES:
        missing = [page for page in _page_ids() if page not in measured[size]]
        assert missing == [], f"at {size} rows no page for {missing}"


@pytest.mark.parametrize("page_id", _page_ids())
def test_admin_queries_do_not_grow_with_the_data(measured, page_id):
    small, large = (measured[size][page_id] for size in SIZES)
    assert small[0] == large[0] == 200, f"{page_id}: status {small[0]} / {large[0]}"
    assert small[1] == large[1], f"{page_id}: {small[1]} queries at 10 rows, {large[1]} at 1,000"
    assert large[1] <= MAX_QUERIES, f"{page_id}: {large[1]} queries"
