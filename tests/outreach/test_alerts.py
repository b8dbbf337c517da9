import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from clusters.models import Cluster
from news.models import Post
from outreach.models import Delivery, OutgoingMail, Subscriber
from outreach.services import alerts_send_pending, subscriber_request
from tests.helpers import page_text
from tests.outreach.forms import stamp

SITE = "http://testserver"


def subscribe(client, email, *, clusters=(), all_news=False, prefix=""):
    data = {"email": email, "clusters": [c.pk for c in clusters], "started": stamp()}
    if all_news:
        data["all_news"] = "on"
    return client.post(f"{prefix}/alerts/", data)


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def link_in(message) -> str:
    """The path of the first link to this site in a received message's text."""
    body = message.get_body(("plain",)).get_content()
    return re.search(rf"{SITE}(/\S+)", body).group(1)


def confirmed_subscriber(email, *, clusters=(), all_news=False, language="fa") -> Subscriber:
    subscriber = Subscriber.objects.create(
        email=email,
        language=language,
        all_news=all_news,
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    subscriber.clusters.set(clusters)
    return subscriber


def publish(title, *, clusters=(), hours_ago=1, **fields) -> Post:
    post = Post.objects.create(
        title_fa=title,
        slug=f"p{Post.objects.count() + 1}",
        body_fa="متن خبر",
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - datetime.timedelta(hours=hours_ago),
        **fields,
    )
    post.clusters.set(clusters)
    return post


def test_a_reader_subscribes_to_olive_news_and_receives_the_next_post(client, content, smtp):
    """The issue's "done when": subscribe to olive news, confirm, get the next post by email."""
    olive = Cluster.objects.get(slug="olive")
    response = subscribe(client, "Reader@Example.org", clusters=[olive])
    assert response["Location"] == "/alerts/check-email/"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    [confirmation] = smtp.inbox.messages()
    assert confirmation["To"] == "reader@example.org"
    confirm_path = link_in(confirmation)
    assert confirm_path.startswith("/alerts/confirm/")
    assert "reader" not in confirm_path  # no address in a URL that may reach a log
    assert client.get(confirm_path).status_code == 200  # a page with a button, nothing done
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.post(confirm_path)["Location"] == "/alerts/confirmed/"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert list(subscriber.clusters.all()) == [olive]

    olive_post = publish("برداشت زیتون طارم آغاز شد", clusters=[olive])
    publish("خبری دربارهٔ خوشهٔ روی", clusters=[Cluster.objects.get(slug="zinc")])
    call_command("send_news_alerts", verbosity=0)

    alerts = smtp.inbox.messages()[1:]
    # (Python's parser keeps the space where Django folded the encoded subject.)
    assert [m["Subject"].strip() for m in alerts] == ["برداشت زیتون طارم آغاز شد"]
    [alert] = alerts
    assert smtp.inbox.envelopes[1].rcpt_tos == ["reader@example.org"]
    assert f"{SITE}{olive_post.get_absolute_url()}" in alert.get_body(("plain",)).get_content()
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(
        rf"<{SITE}(/alerts/unsubscribe/\S+/)>", alert["List-Unsubscribe"].strip()
    )
    assert unsubscribe, alert["List-Unsubscribe"]

    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no cookie or token.
    response = client.post(
        unsubscribe.group(1),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED

    publish("زیتون: خبر دوم", clusters=[olive])
    call_command("send_news_alerts", verbosity=0)
    assert len(smtp.inbox.envelopes) == 2  # nothing more after unsubscribing


def test_each_post_is_sent_once_per_subscriber_in_their_language(content, smtp):
    olive = Cluster.objects.get(slug="olive")
    confirmed_subscriber("fa@example.org", all_news=True)
    confirmed_subscriber("en@example.org", clusters=[olive], all_news=True, language="en")
    publish("زیتون", clusters=[olive], title_en="Olive harvest")

    assert alerts_send_pending()["sent"] == 2
    assert alerts_send_pending()["sent"] == 0  # a second run sends nothing again

    by_recipient = {
        env.rcpt_tos[0]: msg
        for env, msg in zip(smtp.inbox.envelopes, smtp.inbox.messages(), strict=True)
    }
    assert set(by_recipient) == {"fa@example.org", "en@example.org"}
    assert by_recipient["en@example.org"]["Subject"].strip() == "Olive harvest"
    assert "/en/news/" in by_recipient["en@example.org"].get_body(("plain",)).get_content()
    assert "/en/alerts/unsubscribe/" in by_recipient["en@example.org"]["List-Unsubscribe"]
    assert by_recipient["fa@example.org"]["Subject"].strip() == "زیتون"
    assert Delivery.objects.filter(status=Delivery.Status.SENT, attempts=1).count() == 2


def test_scheduled_posts_are_sent_once_their_time_comes(content, smtp):
    confirmed_subscriber("reader@example.org", all_news=True)
    post = publish("خبر زمان‌بندی‌شده", hours_ago=-2)  # two hours in the future
    assert alerts_send_pending()["sent"] == 0
    Post.objects.filter(pk=post.pk).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert alerts_send_pending()["sent"] == 1


def test_drafts_and_old_posts_are_never_sent(content, smtp):
    confirmed_subscriber("reader@example.org", all_news=True)
    Post.objects.create(title_fa="پیش‌نویس", slug="d", body_fa="م", status=Post.Status.DRAFT)
    publish("خبر قدیمی", hours_ago=24 * 30)  # already old when alerts were switched on
    assert alerts_send_pending() == {"planned": 0, "sent": 0, "failed": 0}
    assert smtp.inbox.envelopes == []


def test_readers_who_join_later_do_not_get_older_posts(content, smtp):
    publish("خبر پیش از عضویت")
    alerts_send_pending()
    confirmed_subscriber("late@example.org", all_news=True)
    assert alerts_send_pending()["sent"] == 0


def test_a_stopped_mail_server_is_recorded_and_retried_after_restart(content, smtp):
    confirmed_subscriber("reader@example.org", all_news=True)
    publish("خبر در زمان قطعی")
    smtp.stop()

    result = alerts_send_pending()  # must not raise

    assert result["failed"] == 1
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 1
    assert "Connection" in delivery.last_error

    smtp.start()
    assert alerts_send_pending()["sent"] == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("sent", 2, "")
    assert smtp.inbox.envelopes[0].rcpt_tos == ["reader@example.org"]


def test_retries_are_bounded(content, smtp, settings):
    settings.OUTREACH_ALERT_MAX_ATTEMPTS = 2
    confirmed_subscriber("reader@example.org", all_news=True)
    publish("خبر")
    smtp.stop()
    alerts_send_pending()
    alerts_send_pending()
    smtp.start()
    assert alerts_send_pending()["sent"] == 0
    assert Delivery.objects.get().attempts == 2
    assert smtp.inbox.envelopes == []


def test_confirmation_link_cannot_be_reused_or_forged(client, content):
    subscribe(client, "reader@example.org", all_news=True)
    path = re.search(r"testserver(/\S+)|(/alerts/confirm/\S+/)", mail.outbox[0].body)
    confirm_path = path.group(1) or path.group(2)
    assert client.post(confirm_path).status_code == 302
    assert client.post(confirm_path).status_code == 400  # used
    assert client.post("/alerts/confirm/forged:token/").status_code == 400
    assert "معتبر نیست" in page_text(client.post("/alerts/confirm/forged:token/"))


def test_a_stranger_cannot_change_a_confirmed_readers_alerts(client, content):
    olive, zinc = Cluster.objects.get(slug="olive"), Cluster.objects.get(slug="zinc")
    subscriber = confirmed_subscriber("reader@example.org", clusters=[olive])
    subscribe(client, "reader@example.org", clusters=[zinc])
    subscriber.refresh_from_db()
    assert list(subscriber.clusters.all()) == [olive]  # unchanged until the owner confirms


def test_confirmation_emails_are_throttled_per_address(client, content):
    subscribe(client, "reader@example.org", all_news=True)
    subscribe(client, "reader@example.org", all_news=True, prefix="/en")
    assert len(mail.outbox) == 1


def test_unsubscribe_page_asks_before_acting_and_bad_links_are_refused(client, content):
    subscriber = confirmed_subscriber("reader@example.org", all_news=True)
    from outreach.services.alerts import unsubscribe_token

    path = f"/alerts/unsubscribe/{unsubscribe_token(subscriber)}/"
    assert client.get(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED  # a link scanner's GET does nothing
    assert client.post(f"/alerts/unsubscribe/{subscriber.pk}:forged/").status_code == 400
    assert client.post(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "این فیلد لازم است."),
        ({"email": "not-an-email"}, "یک ایمیل آدرس معتبر وارد کنید."),
        ({"email": "a" * 250 + "@example.org"}, "حداکثر 254 کاراکتر"),
        ({"email": "<script>@example.org"}, "یک ایمیل آدرس معتبر وارد کنید."),
        ({"email": "reader@example.org"}, "همهٔ اخبار یا دست‌کم یک خوشه"),  # no scope
        ({"email": "reader@example.org", "clusters": ["abc"]}, "یک مقدار معتبر نیست"),
        ({"email": "reader@example.org", "clusters": ["999999"]}, "یک گزینهٔ معتبر انتخاب کنید"),
    ],
)
def test_bad_subscription_input_is_refused_in_persian(client, content, data, message):
    response = client.post("/alerts/", {**data, "started": stamp()})
    assert response.status_code == 200
    assert message in page_text(response)
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []


def test_subscription_form_keeps_robots_out(client, content):
    response = client.post(
        "/alerts/", {"email": "r@example.org", "all_news": "on", "website": "x", "started": stamp()}
    )
    assert "پذیرفته نشد" in page_text(response)
    assert Subscriber.objects.count() == 0


def test_a_failed_confirmation_email_is_retried_by_the_job(client, content, smtp):
    smtp.stop()
    response = subscribe(client, "reader@example.org", all_news=True)
    assert response.status_code == 302  # the reader never waits on, or sees, the mail server
    failed = OutgoingMail.objects.get(kind="confirmation")
    assert failed.status == "failed" and "ConnectionRefusedError" in failed.last_error
    smtp.start()
    call_command("send_mail_outbox", stdout=io.StringIO())
    assert len(smtp.inbox.envelopes) == 1
    assert re.search(r"/alerts/confirm/\S+/", text_of(smtp.inbox.messages()[0]))


def test_sending_never_raises_into_the_caller(content, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("outreach.services.alerts._plan", broken)
    assert alerts_send_pending()["error"] == 1


def test_subscriber_request_lowercases_and_keeps_one_row_per_address(content):
    for email in ("Reader@Example.org", "reader@example.org"):
        subscriber_request(
            email=email,
            all_news=True,
            clusters=[],
            language="fa",
            client_key="k",
            now=timezone.now() + datetime.timedelta(hours=len(email)),
        )
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["reader@example.org"]


def test_publishing_mails_subscribers_at_once_without_the_timer(
    content, smtp, django_capture_on_commit_callbacks
):
    olive = Cluster.objects.get(slug="olive")
    confirmed_subscriber("now@example.org", clusters=[olive])
    with django_capture_on_commit_callbacks(execute=True):
        publish("زیتون: خبر فوری", clusters=[olive])
    assert [m["Subject"].strip() for m in smtp.inbox.messages()] == ["زیتون: خبر فوری"]


def test_a_scheduled_post_waits_for_the_timer(content, smtp, django_capture_on_commit_callbacks):
    confirmed_subscriber("later@example.org", all_news=True)
    with django_capture_on_commit_callbacks(execute=True):
        publish("خبر فردا", hours_ago=-24)
    assert smtp.inbox.messages() == []
