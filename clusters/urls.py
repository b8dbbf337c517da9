from django.urls import path

from . import views

app_name = "clusters"

urlpatterns = [
    path("about/", views.AboutView.as_view(), name="about"),
    path("about/legal-bases/", views.LegalBasisListView.as_view(), name="legal-bases"),
    path("clusters/", views.ClusterListView.as_view(), name="cluster-list"),
    path("clusters/<slug:slug>/", views.ClusterDetailView.as_view(), name="cluster-detail"),
]
