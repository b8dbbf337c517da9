"""News blocks for pages of other apps, so `clusters` never imports `news`; and the two ways a
post's stored content reaches a page: its sanitised body and its responsive image.
"""

import logging

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from sorl.thumbnail import get_thumbnail

from core.persian import active_language, format_date, iso_datetime, localize_digits, to_jalali
from core.sanitize import sanitize_html
from core.seo import office_reference
from news.models import Post

register = template.Library()
logger = logging.getLogger(__name__)

# Widths made for every image: a phone, a column, a wide screen.
IMAGE_WIDTHS = (400, 800, 1200)


@register.inclusion_tag("news/includes/cluster_news.html")
def cluster_news(cluster, limit=5):
    posts = Post.objects.published().for_listing().in_cluster(cluster)[:limit]
    return {"posts": posts, "cluster": cluster}


@register.inclusion_tag("news/includes/legal_basis_news.html")
def legal_basis_news(basis, limit=10):
    """Published posts that cite this legal basis, for the legal basis's own page."""
    return {"posts": Post.objects.citing(basis)[:limit], "basis": basis}


@register.simple_tag(takes_context=True)
def post_schema(context, post) -> dict:
    """schema.org data for a post's page (JSON-LD): an Event for an event, else a NewsArticle."""
    request = context["request"]
    office = office_reference(request)
    url = request.build_absolute_uri(post.get_absolute_url())
    description = post.lead or post.title
    if post.kind == Post.Kind.EVENT:
        data = {
            "@type": "Event",
            "name": post.title,
            "description": description,
            "url": url,
            "startDate": iso_datetime(post.event_start or post.publish_at),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": office,
        }
        if post.event_end:
            data["endDate"] = iso_datetime(post.event_end)
        if post.event_place:
            data["location"] = {"@type": "Place", "name": post.event_place}
    else:
        data = {
            "@type": "NewsArticle",
            "headline": post.title,
            "description": description,
            "mainEntityOfPage": url,
            "datePublished": iso_datetime(post.publish_at),
            "dateModified": iso_datetime(post.updated_at),
            "author": office,
            "publisher": office,
        }
    if post.cover_image:
        data["image"] = request.build_absolute_uri(post.cover_image.url)
    return {"@context": "https://schema.org", "inLanguage": get_language(), **data}


@register.filter
def rich_text(html):
    """Stored bodies are sanitised on write; this repeats it on read so no old row slips past."""
    return mark_safe(sanitize_html(html))


@register.inclusion_tag("news/includes/responsive_image.html")
def responsive_image(image, alt, sizes="100vw", widths=IMAGE_WIDTHS):
    """An <img> with srcset, width, height and lazy loading; nothing if the file is unusable."""
    if not image:
        return {}
    try:
        original_width = image.width
        candidates = sorted({min(width, original_width) for width in widths})
        thumbnails = [get_thumbnail(image, str(width), upscale=False) for width in candidates]
    except (OSError, ValueError):
        logger.warning("Cannot make thumbnails of %s", image.name, exc_info=True)
        return {}
    return {"thumbnails": thumbnails, "default": thumbnails[0], "alt": alt, "sizes": sizes}


@register.filter
def event_end_label(post) -> str:
    """When an event ends, as short as it can be read: only the time when it ends on the day it
    starts ("12:00", "۱۲:۰۰"), else the date and time. Local (Tehran) calendar days."""
    if not post.event_end:
        return ""
    start, end = to_jalali(post.event_start), to_jalali(post.event_end)
    if (start.year, start.month, start.day) == (end.year, end.month, end.day):
        return localize_digits(end.strftime("%H:%M"))
    return format_date(post.event_end, active_language(), with_time=True)
