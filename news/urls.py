from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("archive/<int:year>/", views.JalaliArchiveView.as_view(), name="archive-year"),
    path(
        "archive/<int:year>/<int:month>/", views.JalaliArchiveView.as_view(), name="archive-month"
    ),
    path("events/", views.EventListView.as_view(), name="events-upcoming"),
    path("events/calendar.ics", views.events_calendar, name="events-calendar"),
    path("events/past/", views.EventListView.as_view(past=True), name="events-past"),
    path("feed/rss/", feeds.PostRssFeed(), name="feed-rss"),
    path("feed/atom/", feeds.PostAtomFeed(), name="feed-atom"),
    path("feed/<slug:category>/rss/", feeds.PostRssFeed(), name="category-feed-rss"),
    path("feed/<slug:category>/atom/", feeds.PostAtomFeed(), name="category-feed-atom"),
    path("preview/<int:pk>/", views.PostPreviewView.as_view(), name="post-preview"),
    path("<int:pk>/event.ics", views.event_calendar, name="event-calendar"),
    path("<int:pk>/<str:slug>/", views.PostDetailView.as_view(), name="post-detail"),
]
