"""Blocks other pages show: the site notice banner (with flash messages) and page feedback."""

from django import template
from django.utils import timezone

from outreach.forms import FeedbackForm
from outreach.notices import unfinished_notices

register = template.Library()


@register.inclusion_tag("outreach/includes/site_notice.html", takes_context=True)
def site_notice(context):
    """Current notices and the messages of the last action (e.g. "thank you for your feedback")."""
    now = timezone.now()
    return {
        "notices": [notice for notice in unfinished_notices() if notice.is_showing(now)],
        "messages": context.get("messages"),
    }


@register.inclusion_tag("outreach/includes/page_feedback.html", takes_context=True)
def page_feedback(context):
    """A "was this page useful?" form that posts and comes back to this page."""
    return {"form": FeedbackForm(initial={"path": context["request"].path})}
