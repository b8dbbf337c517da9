"""`/api/`: language-neutral, outside `i18n_patterns`; every route is in the OpenAPI document."""

from django.urls import path, re_path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("clusters/", views.clusters, name="clusters"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster-detail"),
    path("rankings/", views.rankings, name="rankings"),
    path("rankings/current/", views.current_ranking, name="ranking-current"),
    path("indicators/", views.indicators, name="indicators"),
    path("observations/", views.observations, name="observations"),
    path("checks/", views.checks, name="checks"),
    path("news/", views.news, name="news"),
    path("news/<int:pk>/", views.news_detail, name="news-detail"),
    # Unknown API paths answer in JSON too, not with the HTML 404 page.
    re_path(r"^(?P<path>.*)$", views.not_found, name="not-found"),
]
