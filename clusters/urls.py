from django.urls import path

from . import views

app_name = "clusters"

urlpatterns = [
    path("about/", views.AboutView.as_view(), name="about"),
    path("about/legal-bases/", views.LegalBasisListView.as_view(), name="legal-bases"),
    path(
        "about/legal-bases/<int:number>/",
        views.LegalBasisDetailView.as_view(),
        name="legal-basis-detail",
    ),
    path("clusters/", views.ClusterListView.as_view(), name="cluster-list"),
    # Fixed paths before the slug route, which would otherwise take "compare" as a cluster.
    path("clusters/compare/", views.ClusterCompareView.as_view(), name="cluster-compare"),
    path("clusters/rankings/", views.RankingListView.as_view(), name="ranking-list"),
    path("clusters/rankings/<int:pk>/", views.RankingDetailView.as_view(), name="ranking-detail"),
    path("clusters/<slug:slug>/", views.ClusterDetailView.as_view(), name="cluster-detail"),
]
