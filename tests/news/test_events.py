"""Events read as events: their date and place on every card, "past" once over, and iCalendar
files (RFC 5545) a calendar app can import or subscribe to, read back with a real parser."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Post
from tests.conftest import page_text

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
# 14 December 2026, 09:00 to 12:00 in Tehran = 23 Azar 1405.
START = datetime.datetime(2026, 12, 14, 9, 0, tzinfo=TEHRAN)


@pytest.fixture
def workshop(db, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 29, 12, 0, tzinfo=TEHRAN), tick=False)
    return Post.objects.create(
        kind="event",
        title_fa="کارگاه طراحی فرش",
        title_en="Carpet design workshop",
        slug="workshop",
        body_fa="<p>متن</p>",
        lead_fa="کارگاهی برای طراحان",
        lead_en="A workshop for designers",
        status="published",
        publish_at=timezone.now() - datetime.timedelta(hours=1),
        event_start=START,
        event_end=START + datetime.timedelta(hours=3),
        event_place_fa="اتاق بازرگانی زنجان",
        event_place_en="Zanjan Chamber of Commerce",
    )


def _strip_tags(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", ["۲۳ آذر ۱۴۰۵، ساعت ۰۹:۰۰ تا ۱۲:۰۰", "اتاق بازرگانی زنجان"]),
        ("/en/", ["14 December 2026, 09:00 to 12:00", "Chamber of Commerce"]),
        ("/news/", ["۲۳ آذر ۱۴۰۵، ساعت ۰۹:۰۰", "اتاق بازرگانی زنجان"]),
        ("/en/news/events/", ["14 December 2026, 09:00", "Zanjan Chamber of Commerce"]),
        ("/en/search/?q=workshop", ["14 December 2026, 09:00", "Zanjan Chamber of Commerce"]),
    ],
)
def test_event_cards_show_when_and_where_not_the_publish_date(client, workshop, url, expected):
    text = _strip_tags(page_text(client.get(url)))
    for piece in expected:
        assert piece in text, piece
    # The card no longer shows the day it was posted (29 November / 8 Azar).
    assert "29 November" not in text and "۸ آذر" not in text


def test_an_event_over_several_days_shows_both_dates(client, workshop):
    workshop.event_end = START + datetime.timedelta(days=1, hours=3)
    workshop.save()
    text = _strip_tags(page_text(client.get("/en/news/events/")))
    assert "14 December 2026, 09:00 to 15 December 2026, 12:00" in text


def test_an_event_that_is_over_says_so(client, workshop, time_machine):
    time_machine.move_to(START + datetime.timedelta(days=2), tick=False)
    text = _strip_tags(page_text(client.get("/en/news/events/past/")))
    assert "Past event" in text and "Carpet design workshop" in text
    assert "Past event" in _strip_tags(page_text(client.get(workshop.get_absolute_url())))


def _persian_file_url(post) -> str:
    with translation.override("fa"):
        return reverse("news:event-calendar", args=[post.pk])


def _parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    # RFC 5545 3.1: CRLF line ends, lines of at most 75 octets (longer ones folded).
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    return icalendar.Calendar.from_ical(raw)


def test_an_event_file_puts_the_event_at_tehran_time(client, workshop):
    calendar = _parse(client.get(_persian_file_url(workshop)))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Tehran"
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "کارگاه طراحی فرش"
    assert event["LOCATION"] == "اتاق بازرگانی زنجان"
    assert event["UID"] == f"event-{workshop.pk}@clusters.zanjan"
    assert event["URL"] == f"http://testserver{workshop.get_absolute_url()}"
    assert event["DTSTART"].params["TZID"] == "Asia/Tehran"
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTEND") == START + datetime.timedelta(hours=3)
    assert event["DTSTAMP"]


def test_the_uid_stays_when_the_event_is_edited(client, workshop):
    url = _persian_file_url(workshop)
    before = _parse(client.get(url)).walk("VEVENT")[0]["UID"]
    workshop.title_fa = "کارگاه طراحی فرش دستباف"
    workshop.slug = "renamed"
    workshop.save()
    after = _parse(client.get(url)).walk("VEVENT")[0]
    assert after["UID"] == before and after["SUMMARY"] == "کارگاه طراحی فرش دستباف"


def test_the_subscribable_feed_is_per_language(client, workshop):
    english = _parse(client.get("/en/news/events/calendar.ics"))
    (event,) = english.walk("VEVENT")
    assert event["SUMMARY"] == "Carpet design workshop"
    assert event["URL"] == f"http://testserver/en/news/{workshop.pk}/workshop/"
    assert english["X-WR-CALNAME"].startswith("Events of the")
    persian = _parse(client.get("/news/events/calendar.ics"))
    assert persian.walk("VEVENT")[0]["SUMMARY"] == "کارگاه طراحی فرش"
    assert persian["X-WR-CALNAME"].startswith("رویدادهای")


def test_pages_link_to_the_calendar_files(client, workshop):
    detail = page_text(client.get(workshop.get_absolute_url()))
    assert _persian_file_url(workshop) in detail
    with translation.override("en"):
        feed_url = reverse("news:events-calendar")
    events = page_text(client.get("/en/news/events/"))
    assert f'type="text/calendar" title="Events calendar" href="{feed_url}"' in events


def test_a_post_that_is_not_an_event_has_no_calendar_file(client, workshop):
    workshop.kind = "news"
    workshop.save()
    assert client.get(_persian_file_url(workshop)).status_code == 404


def test_the_rss_item_of_an_event_says_when_and_where(client, workshop):
    text = page_text(client.get("/en/news/feed/rss/"))
    assert "When: 14 December 2026, 09:00 to 14 December 2026, 12:00." in text
    assert "Where: Zanjan Chamber of Commerce." in text
