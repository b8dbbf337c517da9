import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.content_cache import cached_for_generation, cached_object_or_404
from core.persian import active_language, jalali_month_label, localize_digits

from . import ical
from .models import Category, Post


def jalali_period_label(year: int, month: int | None = None) -> str:
    """ "آبان ۱۴۰۴" on Persian pages, "Aban 1404" on English ones."""
    if month is None:
        return localize_digits(year)
    return jalali_month_label(year, month, active_language())


class VersionCountedPaginator(Paginator):
    """Counts its posts once per content version, not on every request: counting every
    published post is the costliest query of a news page, and its answer changes only with an
    edit or a scheduled post going live."""

    def __init__(self, *args, count_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_name = count_name

    @cached_property
    def count(self):
        return cached_for_generation(self.count_name, self.object_list.count)


class PostListView(ListView):
    """All published posts, optionally narrowed by ?category=<slug> and ?kind=<kind>."""

    template_name = "news/post_list.html"
    context_object_name = "posts"
    paginate_by = settings.PORTAL_NEWS_PAGE_SIZE

    def get_queryset(self):
        posts = Post.objects.published().for_listing()
        self.category = self.kind = None
        if slug := self.request.GET.get("category"):
            # Checked before the query: PostgreSQL refuses some bytes (NUL) with an error.
            if not slug_re.fullmatch(slug):
                raise Http404(_("No such category."))
            self.category = get_object_or_404(Category, slug=slug)
            posts = posts.filter(category=self.category)
        if kind := self.request.GET.get("kind"):
            if kind not in Post.Kind.values:
                raise Http404(_("No such kind of post."))
            self.kind = Post.Kind(kind)
            posts = posts.of_kind(kind)
        return posts

    def count_name(self) -> str:
        category = self.category.slug if self.category else ""
        return f"news-count:{category}:{self.kind or ''}"

    def get_paginator(self, queryset, per_page, **kwargs):
        return VersionCountedPaginator(queryset, per_page, count_name=self.count_name(), **kwargs)

    def get_context_data(self, **kwargs):
        # Lazy: the template renders the list once per content version ({% cachedfragment %}),
        # and the menus are built only then.
        return super().get_context_data(
            categories=Category.objects.all(),
            kinds=Post.Kind.choices,
            category=self.category,
            kind=self.kind,
            archive_months=SimpleLazyObject(archive_months),
            **kwargs,
        )


def archive_months() -> list[tuple[int, int, str]]:
    """(year, month, label) of every Jalali month with a post, newest first."""
    return [
        (year, month, jalali_period_label(year, month))
        # Shared by every worker until the next edit: a scan of every post's date.
        for year, month in cached_for_generation("news-archive-months", Post.objects.jalali_months)
    ]


class JalaliArchiveView(PostListView):
    """/news/archive/1404/ and /news/archive/1404/8/: an empty or impossible period is a 404."""

    template_name = "news/post_archive.html"

    def get_queryset(self):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        try:
            posts = super().get_queryset().in_jalali(year, month)
        except ValueError as error:
            raise Http404(_("No such date.")) from error
        if not posts.exists():
            raise Http404(_("Nothing was published then."))
        return posts

    def count_name(self) -> str:
        return f"news-count:{self.kwargs['year']}:{self.kwargs.get('month')}"

    def get_context_data(self, **kwargs):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        return super().get_context_data(
            year=year, month=month, period_label=jalali_period_label(year, month), **kwargs
        )


class EventListView(ListView):
    template_name = "news/event_list.html"
    context_object_name = "posts"
    paginate_by = settings.PORTAL_NEWS_PAGE_SIZE
    past = False

    def get_queryset(self):
        events = Post.objects.past_events() if self.past else Post.objects.upcoming_events()
        return events.select_related("category")

    def get_context_data(self, **kwargs):
        return super().get_context_data(past=self.past, **kwargs)


class PostDetailView(DetailView):
    template_name = "news/post_detail.html"

    def get_queryset(self):
        return Post.objects.published().select_related("category")

    def get_object(self, queryset=None):
        return cached_object_or_404("post", self.get_queryset, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # An old or mistyped slug still finds the post, at its one canonical address.
        if kwargs["slug"] != self.object.slug:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        post = self.object
        # Lazy: the template renders the post once per content version ({% cachedfragment %}),
        # and these queries run only then.
        return super().get_context_data(
            neighbours=SimpleLazyObject(lambda: Post.objects.neighbours(post)),
            related_posts=SimpleLazyObject(lambda: Post.objects.related_to(post)[:3]),
            **kwargs,
        )


class PostPreviewView(PostDetailView):
    """Any post, as it will look, for staff who may change posts (editors, publishers); anyone
    else, other staff included, gets the same 404 as a typo."""

    def get_queryset(self):
        user = self.request.user
        if not (user.is_active and user.is_staff and user.has_perm("news.change_post")):
            raise Http404
        return Post.objects.select_related("category")

    def get_object(self, queryset=None):
        # Looked up on every request: only staff may see it (get_queryset), and a draft may be
        # edited between two previews.
        return DetailView.get_object(self, queryset)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        response = self.render_to_response(self.get_context_data(object=self.object))
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)


# Upcoming events and those of the past year: what a subscribed calendar still shows.
CALENDAR_PAST_DAYS = 365
CALENDAR_LENGTH = 200


def event_calendar(request, pk):
    """/news/<pk>/event.ics: one published event as an iCalendar file; anything else is a 404."""
    post = get_object_or_404(Post.objects.events(), pk=pk)
    return ical.event_file(post, request)


def events_calendar(request):
    """/news/events/calendar.ics: the events of the active language, to subscribe to."""
    since = timezone.now() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    posts = Post.objects.events().filter(event_start__gte=since).order_by("event_start", "pk")
    return ical.events_feed(posts[:CALENDAR_LENGTH], request)
