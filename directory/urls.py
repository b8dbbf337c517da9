from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "directory/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    path("documents/<int:pk>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path(
        "documents/<int:pk>/download/",
        views.DocumentDownloadView.as_view(),
        name="document-download",
    ),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
    path("faq/", views.FaqView.as_view(), name="faq"),
]
