from django.urls import path

from . import views

app_name = "outreach"

urlpatterns = [
    path("contact/", views.InquiryCreateView.as_view(), name="inquiry"),
    path("contact/sent/", views.InquirySentView.as_view(), name="inquiry-sent"),
    path("alerts/", views.SubscribeView.as_view(), name="alerts"),
    path(
        "alerts/check-email/",
        views.TemplateView.as_view(template_name="outreach/alerts_check_email.html"),
        name="alerts-check-email",
    ),
    path("alerts/confirm/<str:token>/", views.ConfirmView.as_view(), name="alerts-confirm"),
    path(
        "alerts/confirmed/",
        views.TemplateView.as_view(template_name="outreach/alerts_confirmed.html"),
        name="alerts-confirmed",
    ),
    path("alerts/unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("feedback/", views.FeedbackView.as_view(), name="feedback"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
