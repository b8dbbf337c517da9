from django.urls import path

from . import views

app_name = "carpets"

urlpatterns = [
    path("", views.CarpetSectorView.as_view(), name="sector"),
    path("<slug:slug>/", views.IndicatorDetailView.as_view(), name="indicator-detail"),
]
