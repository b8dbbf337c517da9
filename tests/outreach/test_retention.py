"""Personal data that expires: inquiries answered or not, unconfirmed and
unsubscribed addresses, and their copies in deliveries, the admin log and history; the
unsubscribe and key-rotation findings."""

import datetime
import re

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.text import to_ascii_digits
from news.models import Post
from outreach.models import Delivery, Inquiry, Subscriber
from outreach.services.alerts import unsubscribe_token
from tests.helpers import page_text
from tests.outreach.factories import make_inquiry
from tests.outreach.test_alerts import confirmed_subscriber, subscribe

DAY = datetime.timedelta(days=1)


def days_ago(days):
    return timezone.now() - days * DAY


def log_entry(user, obj):
    return LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj),
        action_flag=CHANGE,
        change_message=f"note about {obj}",
    )


def test_expired_personal_data_and_its_copies_are_removed(db, settings, django_user_model):
    settings.OUTREACH_INQUIRY_RETENTION_DAYS = 30
    settings.OUTREACH_UNCONFIRMED_RETENTION_DAYS = 7
    settings.OUTREACH_UNSUBSCRIBED_RETENTION_DAYS = 30
    staff = django_user_model.objects.create_user("staff", is_staff=True)

    answered = make_inquiry(
        reference="ZC-1404-000001",
        name="علی رضایی",
        email="ali@example.org",
        phone="09120000000",
        message="پیام خصوصی",
        status=Inquiry.Status.ANSWERED,
    )
    Inquiry.objects.filter(pk=answered.pk).update(created_at=days_ago(31))
    fresh = make_inquiry(name="تازه", email="new@example.org", message="م")
    pending = Subscriber.objects.create(email="never@example.org", confirmation_sent_at=days_ago(8))
    waiting = Subscriber.objects.create(email="soon@example.org", confirmation_sent_at=days_ago(2))
    gone = confirmed_subscriber("gone@example.org", all_news=True)
    Subscriber.objects.filter(pk=gone.pk).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=days_ago(31)
    )
    reader = confirmed_subscriber("reader@example.org", all_news=True)
    post = Post.objects.create(title_fa="خبر", slug="n", body_fa="<p>x</p>", status="published")
    Delivery.objects.create(
        post=post, subscriber=gone, last_error="550 gone@example.org: no such user"
    )
    kept = Delivery.objects.create(
        post=post,
        subscriber=reader,
        last_error="452 <reader@example.org> mailbox full",
        updated_at=days_ago(31),
    )
    for obj in (answered, pending, gone):
        log_entry(staff, obj)

    call_command("anonymise_inquiries", verbosity=0)

    answered.refresh_from_db()
    assert (answered.name, answered.email, answered.phone) == ("—", "", "")
    assert answered.reference == "ZC-1404-000001"  # statistics stay
    fresh.refresh_from_db()
    assert fresh.email == "new@example.org"
    remaining = set(Subscriber.objects.values_list("email", flat=True))
    assert remaining == {"soon@example.org", "reader@example.org"}
    assert waiting.pk in Subscriber.objects.values_list("pk", flat=True)
    assert not Delivery.objects.filter(subscriber_id=gone.pk).exists()
    kept.refresh_from_db()
    assert "@" not in kept.last_error and "mailbox full" in kept.last_error
    everything_logged = " ".join(
        f"{entry.object_repr} {entry.change_message}" for entry in LogEntry.objects.all()
    )
    assert not re.search(r"never@|gone@|ali@|علی", everything_logged)
    # The log names the question by its reference, in the digits of the language it was
    # written in (the object's name is stored as the admin printed it).
    assert "ZC-1404-000001" in to_ascii_digits(everything_logged)


def test_unsubscribing_voids_a_confirmation_link_still_in_the_mailbox(client, content):
    subscriber = confirmed_subscriber("reader@example.org", all_news=True)
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.PENDING)
    subscribe(client, "reader@example.org", all_news=True)
    confirm_path = re.search(r"(/alerts/confirm/\S+/)", mail.outbox[-1].body).group(1)
    assert client.post(f"/alerts/unsubscribe/{unsubscribe_token(subscriber)}/").status_code == 200
    assert client.post(confirm_path).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_links_survive_a_key_rotation(client, content, settings):
    subscriber = confirmed_subscriber("reader@example.org", all_news=True)
    mailed = unsubscribe_token(subscriber)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    response = client.post(f"/alerts/unsubscribe/{mailed}/")
    assert response.status_code == 200, page_text(response)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_privacy_page_states_the_retention_periods(client, content, settings):
    settings.OUTREACH_INQUIRY_RETENTION_DAYS = 365
    settings.OUTREACH_UNCONFIRMED_RETENTION_DAYS = 7
    html = page_text(client.get("/privacy/"))
    assert "حریم خصوصی و داده‌های شخصی" in html
    assert "۳۶۵ روز پس از بسته‌شدن" in html
    assert "۷ روز پس از فرستادن ایمیل تأیید" in html
    assert 'href="/privacy/"' in page_text(client.get("/"))
    english = page_text(client.get("/en/privacy/"))
    assert "365 days after the inquiry is closed" in english
