"""The admin front page's work queue: what waits for the signed-in person, by role.

Like the panels of Wagtail's dashboard: each panel lists what one role acts on (drafts for a
publisher, new inquiries for whoever answers them...), each line with its count and a link to
the change list filtered to exactly those rows. A panel shows only to users who may view its
model. Counts are queries, never caches (a stale "3 new inquiries" is worse than none), and
the whole queue costs a fixed number of queries whatever the table sizes: one per line.

Shapes: `work_queue(user)` -> list[Panel]; Panel(title, lines); Line(label, url, count, when).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.persian import active_language, format_date, localize_digits, to_jalali
from news.models import Post
from news.services import can_publish
from outreach.models import Inquiry, SiteNotice, Subscriber

# An inquiry still new after this many days is overdue (the office answers within a week).
INQUIRY_ANSWER_DAYS = getattr(settings, "PORTAL_INQUIRY_ANSWER_DAYS", 7)
# How many scheduled posts, notices and own edits a panel lists by name.
LISTED = 5


@dataclass
class Line:
    label: str
    url: str
    count: int | None = None  # None: a named row, not a count
    when: str = ""  # a Jalali date and time, when the line is a moment


@dataclass
class Panel:
    title: str
    lines: list[Line] = field(default_factory=list)
    empty: str = ""


def changelist(model, **filters) -> str:
    """The admin change list of `model`, filtered by the lookups given."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def lookup_time(value: datetime.datetime) -> str:
    """A moment as the admin's Jalali date-time fields read a query-string value."""
    return to_jalali(value).strftime("%Y-%m-%d %H:%M:%S")


def moment(value) -> str:
    return format_date(value, active_language(), with_time=True)


def count_label(template: str, count: int) -> str:
    """`template` (an ngettext result with `%(count)d`) with its count, in the page's digits."""
    return localize_digits(template % {"count": count})


def may_view(user, model) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def news_panel(user, now) -> Panel:
    """Publishers: every draft waiting for them, and posts scheduled to go live. Editors:
    their own drafts, which a publisher will see."""
    panel = Panel(_("News"), empty=_("No draft waits and nothing is scheduled."))
    drafts = Post.objects.filter(status=Post.Status.DRAFT)
    filters = {"state": Post.Status.DRAFT}
    if not can_publish(user):
        drafts = drafts.filter(author=user)
        filters["author__id__exact"] = user.pk
    count = drafts.count()
    if count:
        panel.lines.append(
            Line(
                count_label(
                    ngettext(
                        "%(count)d draft waits for a publisher",
                        "%(count)d drafts wait for a publisher",
                        count,
                    ),
                    count,
                ),
                changelist(Post, **filters),
                count,
            )
        )
    scheduled = Post.objects.filter(status=Post.Status.PUBLISHED, publish_at__gt=now).order_by(
        "publish_at"
    )
    for post in scheduled.only("pk", "title", "publish_at")[:LISTED]:
        panel.lines.append(
            Line(
                _("Scheduled: %(title)s") % {"title": post.title},
                reverse("admin:news_post_change", args=[post.pk]),
                when=moment(post.publish_at),
            )
        )
    return panel


def inquiry_panel(now) -> Panel:
    panel = Panel(_("Inquiries"), empty=_("No inquiry waits for an answer."))
    new = Inquiry.objects.filter(status=Inquiry.Status.NEW)
    cutoff = now - datetime.timedelta(days=INQUIRY_ANSWER_DAYS)
    count = new.count()
    if count:
        panel.lines.append(
            Line(
                count_label(
                    ngettext("%(count)d new inquiry", "%(count)d new inquiries", count), count
                ),
                changelist(Inquiry, status__exact=Inquiry.Status.NEW),
                count,
            )
        )
    overdue = new.filter(created_at__lt=cutoff).count()
    if overdue:
        label = ngettext(
            "%(count)d inquiry unanswered for over %(days)d days",
            "%(count)d inquiries unanswered for over %(days)d days",
            overdue,
        ) % {"count": overdue, "days": INQUIRY_ANSWER_DAYS}
        panel.lines.append(
            Line(
                localize_digits(label),
                changelist(
                    Inquiry, status__exact=Inquiry.Status.NEW, created_at__lt=lookup_time(cutoff)
                ),
                overdue,
            )
        )
    return panel


def notice_panel(now) -> Panel:
    """The notices on the site now, and the next one to start."""
    panel = Panel(_("Site notices"), empty=_("No notice is showing or scheduled."))
    active = SiteNotice.objects.filter(is_active=True)
    showing = active.filter(starts_at__lte=now, ends_at__gt=now).order_by("ends_at")
    for notice in showing.only("pk", "text", "ends_at")[:LISTED]:
        panel.lines.append(
            Line(
                _("Showing until %(time)s: %(text)s")
                % {"time": moment(notice.ends_at), "text": notice.text},
                reverse("admin:outreach_sitenotice_change", args=[notice.pk]),
            )
        )
    following = (
        active.filter(starts_at__gt=now).order_by("starts_at").only("pk", "text", "starts_at")
    )
    upcoming = following.first()
    if upcoming is not None:
        panel.lines.append(
            Line(
                _("Next, from %(time)s: %(text)s")
                % {"time": moment(upcoming.starts_at), "text": upcoming.text},
                reverse("admin:outreach_sitenotice_change", args=[upcoming.pk]),
            )
        )
    return panel


def subscriber_panel() -> Panel:
    panel = Panel(_("Email alerts"), empty=_("No reader waits to confirm."))
    count = Subscriber.objects.filter(status=Subscriber.Status.PENDING).count()
    if count:
        panel.lines.append(
            Line(
                count_label(
                    ngettext(
                        "%(count)d reader has not confirmed yet",
                        "%(count)d readers have not confirmed yet",
                        count,
                    ),
                    count,
                ),
                changelist(Subscriber, status__exact=Subscriber.Status.PENDING),
                count,
            )
        )
    return panel


def recent_edits_panel(user) -> Panel:
    panel = Panel(_("Your recent edits"), empty=_("You have not edited anything yet."))
    entries = LogEntry.objects.filter(user=user).select_related("content_type")[:LISTED]
    for entry in entries:
        url = entry.get_admin_url() or changelist_for_entry(entry)
        panel.lines.append(Line(str(entry.object_repr), url, when=moment(entry.action_time)))
    return panel


def changelist_for_entry(entry) -> str:
    model = entry.content_type.model_class() if entry.content_type else None
    return changelist(model) if model is not None else reverse("admin:index")


def work_queue(user, *, now: datetime.datetime | None = None) -> list[Panel]:
    """The panels `user` may see, in the order the office works through them."""
    now = now or timezone.now()
    panels = []
    if may_view(user, Post):
        panels.append(news_panel(user, now))
    if may_view(user, Inquiry):
        panels.append(inquiry_panel(now))
    if may_view(user, SiteNotice):
        panels.append(notice_panel(now))
    if may_view(user, Subscriber):
        panels.append(subscriber_panel())
    panels.append(recent_edits_panel(user))
    return panels
