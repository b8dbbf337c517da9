from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("<int:pk>/<str:slug>/", views.PostDetailView.as_view(), name="post-detail"),
]
