"""Issue 19, points 4 and 5: every mail is text + HTML in its reader's language and direction,
and every absolute link (mails, feeds, sitemaps) comes from the one PORTAL_SITE_URL setting."""

import re

from clusters.models import Cluster
from core.persian import format_date
from outreach.services import alerts_send_pending
from tests.helpers import page_text
from tests.outreach.mailtools import html_part, text_part
from tests.outreach.test_alerts import confirmed_subscriber, publish, subscribe


def test_the_sign_up_confirmation_is_multipart_and_right_to_left_in_persian(client, content, smtp):
    subscribe(client, "reader@example.org", all_news=True)
    [message] = smtp.inbox.messages()
    assert message.get_content_type() == "multipart/alternative"
    html = html_part(message)
    assert '<html lang="fa" dir="rtl">' in html
    assert "دفتر خوشه‌های صنعتی استان زنجان" in html  # the office's name
    assert "#083f54" in html  # the office's colours
    assert "Tahoma, 'Segoe UI', sans-serif" in html
    assert not re.search(r"<img|@import|url\(|<link", html)  # nothing remote
    link = re.search(r"http://testserver/alerts/confirm/\S+/", text_part(message)).group(0)
    assert f'href="{link}"' in html


def test_the_english_confirmation_reads_left_to_right(client, content, smtp):
    subscribe(client, "reader@example.org", all_news=True, prefix="/en")
    html = html_part(smtp.inbox.messages()[0])
    assert '<html lang="en" dir="ltr">' in html
    assert "Industrial Clusters Office of Zanjan" in html


def test_news_alerts_carry_a_jalali_date_and_one_click_unsubscribe(content, smtp):
    olive = Cluster.objects.get(slug="olive")
    confirmed_subscriber("fa@example.org", clusters=[olive])
    confirmed_subscriber("en@example.org", clusters=[olive], language="en")
    post = publish("زیتون: برداشت آغاز شد", clusters=[olive])
    alerts_send_pending()
    mails = {
        env.rcpt_tos[0]: msg
        for env, msg in zip(smtp.inbox.envelopes, smtp.inbox.messages(), strict=True)
    }
    persian = mails["fa@example.org"]
    html = html_part(persian)
    assert '<html lang="fa" dir="rtl">' in html
    assert format_date(post.publish_at, "fa") in html  # e.g. "۹ آذر ۱۴۰۵"
    assert re.search(
        "[۰-۹]+ (آذر|آبان|دی|مهر|بهمن|اسفند|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور)", html
    )
    assert persian["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(
        r"<(http://testserver/alerts/unsubscribe/\S+/)>", persian["List-Unsubscribe"].strip()
    )
    assert unsubscribe and unsubscribe.group(1) in html, persian["List-Unsubscribe"]
    english = html_part(mails["en@example.org"])
    assert '<html lang="en" dir="ltr">' in english and "/en/alerts/unsubscribe/" in english


def test_links_in_mails_feeds_and_sitemaps_use_the_site_address(client, content, smtp, settings):
    """`PORT=8800 make serve` sets PORTAL_SITE_URL; a crawler's Host header changes nothing."""
    settings.PORTAL_SITE_URL = "http://127.0.0.1:8800"
    subscribe(client, "reader@example.org", all_news=True)
    assert "http://127.0.0.1:8800/alerts/confirm/" in text_part(smtp.inbox.messages()[0])

    publish("خبر تازه")
    feed = page_text(client.get("/news/feed/rss/", HTTP_HOST="localhost"))
    assert "<link>http://127.0.0.1:8800/news/</link>" in feed
    assert re.search(r"<link>http://127\.0\.0\.1:8800/news/\d+/", feed)
    assert "localhost" not in feed
    atom = page_text(client.get("/en/news/feed/atom/", HTTP_HOST="localhost"))
    assert 'href="http://127.0.0.1:8800/en/news/feed/atom/"' in atom

    sitemap = page_text(client.get("/sitemap.xml", HTTP_HOST="localhost"))
    assert "<loc>http://127.0.0.1:8800/</loc>" in sitemap and "localhost" not in sitemap
    robots = page_text(client.get("/robots.txt", HTTP_HOST="localhost"))
    assert "Sitemap: http://127.0.0.1:8800/sitemap.xml" in robots
