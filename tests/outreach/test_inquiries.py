import datetime
import re

import jdatetime
import pytest
from django.core.management import call_command
from django.utils import timezone

from clusters.models import Cluster
from outreach.models import Inquiry
from outreach.services import inquiries_anonymise, inquiry_set_status
from tests.helpers import page_text
from tests.outreach.factories import make_inquiry
from tests.outreach.forms import stamp

PERSIAN_REQUIRED = "این فیلد لازم است."


def valid_data(**changes):
    data = {
        "kind": "invest",
        "cluster": "",
        "name": "مریم احمدی",
        "organisation": "شرکت زیتون طارم",
        "email": "maryam@example.org",
        "phone": "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "message": "می‌خواهم در خوشهٔ زیتون سرمایه‌گذاری کنم.",
        "website": "",
        "started": stamp(),
    }
    return {**data, **changes}


def jalali_year_now() -> int:
    return jdatetime.date.fromgregorian(date=timezone.localdate()).year


def test_an_inquiry_is_stored_and_the_sender_gets_a_reference_number(client, content):
    olive = Cluster.objects.get(slug="olive")
    response = client.post("/contact/", valid_data(cluster=olive.pk))
    assert response.status_code == 302
    assert response["Location"] == "/contact/sent/"
    inquiry = Inquiry.objects.get()
    assert (inquiry.cluster, inquiry.status, inquiry.language) == (olive, "new", "fa")
    assert inquiry.phone == "0912 345 6789"  # Persian digits folded
    assert inquiry.reference == f"ZC-{jalali_year_now()}-{inquiry.pk:06d}"

    html = page_text(client.get(response["Location"]))
    persian_reference = inquiry.reference.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert persian_reference in html
    # Personal data is never echoed on a public page.
    assert "maryam@example.org" not in html and "مریم احمدی" not in html


def test_english_inquiry_shows_the_reference_in_ascii_digits(client, content):
    response = client.post("/en/contact/", valid_data(message="I would like to invest."))
    assert response["Location"] == "/en/contact/sent/"
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "en"
    assert inquiry.reference in page_text(client.get("/en/contact/sent/"))


def test_references_are_unique_and_readable(client, content):
    for index in range(3):
        client.post("/contact/", valid_data(email=f"a{index}@example.org"))
    references = list(Inquiry.objects.values_list("reference", flat=True))
    assert len(set(references)) == 3
    assert all(re.fullmatch(r"ZC-1[34]\d\d-\d{6}", ref) for ref in references)


def test_thank_you_page_without_a_submission_goes_to_the_form(client, db):
    response = client.get("/contact/sent/")
    assert response.status_code == 302 and response["Location"] == "/contact/"


def test_a_cluster_page_link_preselects_its_cluster(client, content):
    olive = Cluster.objects.get(slug="olive")
    html = page_text(client.get("/contact/?cluster=olive"))
    assert f'<option value="{olive.pk}" selected>' in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", PERSIAN_REQUIRED),
        ({"email": ""}, "email", PERSIAN_REQUIRED),
        ({"message": ""}, "message", PERSIAN_REQUIRED),
        ({"kind": ""}, "kind", PERSIAN_REQUIRED),
        ({"email": "not-an-email"}, "email", "یک ایمیل آدرس معتبر وارد کنید."),
        ({"name": "x" * 121}, "name", "حداکثر 120 کاراکتر"),
        ({"message": "م" * 3001}, "message", "حداکثر 3000 کاراکتر"),
        ({"kind": "buy"}, "kind", "یک گزینهٔ معتبر انتخاب کنید"),
        ({"cluster": "abc"}, "cluster", "یک گزینهٔ معتبر انتخاب کنید"),
        ({"cluster": "999999"}, "cluster", "یک گزینهٔ معتبر انتخاب کنید"),
        ({"phone": "call me maybe"}, "phone", "شماره تلفن"),
        ({"name": "<script>alert(1)</script>"}, "name", "برچسب‌های HTML"),
        ({"message": "hello <a href=x>win</a>"}, "message", "برچسب‌های HTML"),
    ],
)
def test_bad_input_is_refused_in_persian_and_nothing_is_stored(
    client, content, changes, field, message
):
    response = client.post("/contact/", valid_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in page_text(response)
    assert 'aria-invalid="true"' in page_text(response)
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"website": "http://spam.example"}, "پذیرفته نشد"),  # the honeypot
        ({"started": ""}, "پذیرفته نشد"),  # no stamp
        ({"started": "forged:value"}, "پذیرفته نشد"),  # a stamp we did not sign
        ({"started": 1}, "خیلی زود"),  # sent a second after the page was served
        ({"started": 3 * 60 * 60}, "پذیرفته نشد"),  # a page served three hours ago
    ],
)
def test_robots_are_kept_out(client, content, changes, message):
    if isinstance(changes.get("started"), int):
        changes = {"started": stamp(seconds_ago=changes["started"])}
    response = client.post("/contact/", valid_data(**changes))
    assert response.status_code == 200
    assert message in page_text(response)
    assert Inquiry.objects.count() == 0


def test_a_refused_stamp_is_renewed_so_a_person_can_send_again(client, content):
    response = client.post("/contact/", valid_data(started="forged:value"))
    renewed = response.context["form"].data["started"]
    assert renewed != "forged:value"


def test_rate_limit_per_client_address(client, content, settings):
    settings.OUTREACH_RATE_LIMIT = {"count": 2, "window_seconds": 3600}
    for index in range(2):
        client.post("/contact/", valid_data(email=f"a{index}@example.org"))
    refused = client.post("/contact/", valid_data(email="third@example.org"))
    assert refused.status_code == 429
    # The first of the two leaves the hour-long window in about an hour.
    assert 3500 <= int(refused["Retry-After"]) <= 3601
    assert "بیش از حد" in page_text(refused)
    assert Inquiry.objects.count() == 2
    # Another address is not affected.
    other = client.post("/contact/", valid_data(), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
    assert Inquiry.objects.count() == 3


def test_rate_limit_uses_the_proxy_header_when_configured(client, content, settings):
    settings.OUTREACH_RATE_LIMIT = {"count": 1, "window_seconds": 3600}
    settings.OUTREACH_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client.post("/contact/", valid_data(), HTTP_X_REAL_IP="192.0.2.1").status_code == 302
    assert client.post("/contact/", valid_data(), HTTP_X_REAL_IP="192.0.2.2").status_code == 302
    assert client.post("/contact/", valid_data(), HTTP_X_REAL_IP="192.0.2.1").status_code == 429
    assert Inquiry.objects.count() == 2


def test_the_client_address_itself_is_not_stored(client, content):
    client.post("/contact/", valid_data(), REMOTE_ADDR="198.51.100.7")
    inquiry = Inquiry.objects.get()
    assert all("198.51.100.7" not in str(value) for value in vars(inquiry).values())


def make_closed_inquiry(*, closed_days_ago: int) -> Inquiry:
    inquiry = make_inquiry(
        reference=f"ZC-1404-{Inquiry.objects.count() + 1:06d}",
        kind=Inquiry.Kind.JOIN,
        name="علی رضایی",
        organisation="تعاونی فرش",
        email="ali@example.org",
        phone="09120000000",
        message="پیام خصوصی",
    )
    inquiry_set_status(inquiry=inquiry, status=Inquiry.Status.CLOSED)
    closed_at = timezone.now() - datetime.timedelta(days=closed_days_ago)
    Inquiry.objects.filter(pk=inquiry.pk).update(closed_at=closed_at)
    return inquiry


def test_closed_inquiries_past_retention_are_anonymised(db, settings):
    settings.OUTREACH_INQUIRY_RETENTION_DAYS = 30
    old = make_closed_inquiry(closed_days_ago=31)
    recent = make_closed_inquiry(closed_days_ago=29)
    still_open = make_inquiry(name="باز", email="open@example.org", message="م")
    Inquiry.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )

    assert inquiries_anonymise() == 1

    old.refresh_from_db()
    assert (old.email, old.phone, old.organisation) == ("", "", "")
    assert "علی" not in old.name and "خصوصی" not in old.message
    assert old.anonymised_at is not None
    assert old.reference == "ZC-1404-000001" and old.kind == "join"  # statistics stay
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.email == "ali@example.org" and still_open.email == "open@example.org"
    assert inquiries_anonymise() == 0  # already done


def test_anonymise_command(db, settings):
    settings.OUTREACH_INQUIRY_RETENTION_DAYS = 10
    inquiry = make_closed_inquiry(closed_days_ago=11)
    call_command("anonymise_inquiries", verbosity=0)
    inquiry.refresh_from_db()
    assert inquiry.email == ""


def test_reopening_stops_the_retention_clock(db):
    inquiry = make_closed_inquiry(closed_days_ago=999)
    inquiry_set_status(inquiry=inquiry, status=Inquiry.Status.ANSWERED)
    assert inquiries_anonymise() == 0
    inquiry.refresh_from_db()
    assert inquiry.closed_at is None and inquiry.email == "ali@example.org"
