"""The open-data page and the dataset files (`/data/`)."""

from django.urls import path

from . import views

app_name = "data"

urlpatterns = [
    path("", views.DataIndexView.as_view(), name="index"),
    path("<slug:dataset>.<str:file_format>", views.download, name="download"),
]
