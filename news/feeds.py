"""RSS 2.0 and Atom feeds of published posts, in the active language, whole or per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.persian import active_language, format_date, local_datetime
from core.sanitize import sanitize_html
from core.site import absolute_url

from .models import Category, Post

FEED_LENGTH = 20


def event_summary(post) -> str:
    """'When: 23 Azar 1405, 09:00 to 12:00. Where: …', for readers of a feed."""
    language = active_language()
    when = format_date(post.event_start, language, with_time=True)
    if post.event_end:
        when = _("%(start)s to %(end)s") % {
            "start": when,
            "end": format_date(post.event_end, language, with_time=True),
        }
    text = _("When: %(when)s.") % {"when": when}
    if post.is_event and post.event_is_past:
        text = _("Past event.") + " " + text
    if post.event_place:
        text += " " + _("Where: %(place)s.") % {"place": post.event_place}
    return text


class PostRssFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "feed-rss"

    def get_object(self, request, category=None):
        return get_object_or_404(Category, slug=category) if category else None

    def title(self, category):
        office = _("Industrial Clusters Office of Zanjan")
        return f"{category.name} | {office}" if category else _("News and events") + f" | {office}"

    # Absolute on the public address (PORTAL_SITE_URL): Django keeps links that carry a scheme.
    def link(self, category):
        url = absolute_url(reverse("news:post-list"))
        return f"{url}?category={category.slug}" if category else url

    def feed_url(self, category):
        if category:
            path = reverse(f"news:category-{self.url_name}", kwargs={"category": category.slug})
        else:
            path = reverse(f"news:{self.url_name}")
        return absolute_url(path)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def description(self, category):
        return _("News, events and announcements of the industrial clusters office of Zanjan.")

    def items(self, category):
        posts = Post.objects.published().for_listing()
        if category:
            posts = posts.filter(category=category)
        return posts[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        body = sanitize_html(item.body)
        if not item.is_event:
            return body
        return format_html("<p>{}</p>", event_summary(item)) + body

    def item_pubdate(self, item):
        return local_datetime(item.publish_at)

    def item_updateddate(self, item):
        return local_datetime(item.updated_at)

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class PostAtomFeed(PostRssFeed):
    feed_type = Atom1Feed
    url_name = "feed-atom"

    def subtitle(self, category):
        return self.description(category)
