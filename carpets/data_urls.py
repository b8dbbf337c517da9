"""The open-data page and the dataset files (`/data/`)."""

from django.urls import path

from . import catalog, views

app_name = "data"

urlpatterns = [
    path("", views.DataIndexView.as_view(), name="index"),
    # Before the file pattern, which would read it as a dataset named "catalog".
    path("catalog.jsonld", catalog.catalogue_view, name="catalog"),
    path("<slug:dataset>.<str:file_format>", views.download, name="download"),
]
