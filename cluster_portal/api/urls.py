"""`/api/`: language-neutral, outside `i18n_patterns`; every v1 route is in the OpenAPI document.

`/api/v1/` is the current version; any other path under `/api/` is a retired unversioned path
and redirects to its v1 twin (versions.py).
"""

from django.urls import include, path, re_path

from . import views

app_name = "api"

v1 = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("changelog", views.changelog, name="changelog"),
    path("clusters/", views.clusters, name="clusters"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster-detail"),
    path("rankings/", views.rankings, name="rankings"),
    path("rankings/current/", views.current_ranking, name="ranking-current"),
    path("rankings/<int:pk>/", views.ranking_detail, name="ranking-detail"),
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<slug:slug>/", views.indicator_detail, name="indicator-detail"),
    path("observations/", views.observations, name="observations"),
    path("observations/<int:pk>/", views.observation_detail, name="observation-detail"),
    path("sources/", views.sources, name="sources"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("checks/", views.checks, name="checks"),
    path("news/", views.news, name="news"),
    path("news/<int:pk>/", views.news_detail, name="news-detail"),
    # Unknown API paths answer as problem details too, not with the HTML 404 page.
    re_path(r"^(?P<path>.*)$", views.not_found, name="not-found"),
]

urlpatterns = [
    path("v1/", include(v1)),
    re_path(r"^(?P<path>.*)$", views.legacy, name="legacy"),
]
