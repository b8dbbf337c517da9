"""Events as iCalendar (RFC 5545): a file per event, and a calendar of them all to subscribe to.

Times are written in local time with `TZID=Asia/Tehran` and the zone's VTIMEZONE, so a calendar
app shows the event at the hour the office announced, whatever the reader's own zone. The UID
is the post's number under the site's name: it never changes when the title, the slug or the
address the site is reached by changes, so a subscribed calendar updates the event in place.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.persian import to_gregorian

MEDIA_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar apps should read the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH = datetime.timedelta(hours=6)
# The zone's rules are written from here on: older transitions make the file long for nothing.
ZONE_RULES_FROM = datetime.date(2020, 1, 1)
ZONE_RULES_TO = datetime.date(2038, 1, 1)
UID_DOMAIN = "clusters.zanjan"


def event_uid(post) -> str:
    """`event-12@clusters.zanjan`: stable for the life of the post, in every language."""
    return f"event-{post.pk}@{UID_DOMAIN}"


def _local(value) -> datetime.datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return timezone.localtime(to_gregorian(value), zone)


def _event(post, request) -> Event:
    event = Event()
    event.add("uid", event_uid(post))
    # The last edit, not the moment of download: the same event gives the same file.
    event.add("dtstamp", to_gregorian(post.updated_at).astimezone(datetime.UTC))
    event.add("last-modified", to_gregorian(post.updated_at).astimezone(datetime.UTC))
    event.add("dtstart", _local(post.event_start))
    if post.event_end:
        event.add("dtend", _local(post.event_end))
    event.add("summary", post.title)
    if post.event_place:
        event.add("location", post.event_place)
    if post.lead:
        event.add("description", post.lead)
    event.add("url", request.build_absolute_uri(post.get_absolute_url()))
    return event


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Industrial Clusters Office of Zanjan//Events//" + get_language())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _response(calendar: Calendar, filename: str) -> HttpResponse:
    calendar.add_missing_timezones(first_date=ZONE_RULES_FROM, last_date=ZONE_RULES_TO)
    response = HttpResponse(calendar.to_ical(), content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_file(post, request) -> HttpResponse:
    """One event, for "add to calendar"."""
    calendar = _calendar(post.title)
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(post, request))
    return _response(calendar, f"event-{post.pk}.ics")


def events_feed(posts, request) -> HttpResponse:
    """Every event given, for a calendar app to subscribe to."""
    calendar = _calendar(_("Events of the Industrial Clusters Office of Zanjan"))
    calendar.add("method", "PUBLISH")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    for post in posts:
        calendar.add_component(_event(post, request))
    return _response(calendar, f"events-{get_language()}.ics")
