from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from clusters.models import Cluster

from . import services
from .forms import FeedbackForm, InquiryForm, SubscribeForm
from .models import Inquiry, PageFeedback, Subscriber
from .spam import (
    client_key,
    over_rate_limit,
    over_site_cap,
    rate_limit_since,
    seconds_until_allowed,
    site_cap_reached,
)

SESSION_REFERENCE = "outreach_inquiry_reference"
# The longest text a refusal shows back (the forms take messages of 3,000 at most).
KEPT_LENGTH = 5000
RATE_LIMITED = _("Too many submissions from your connection. Please try again in an hour.")
SITE_BUSY = _(
    "The office is receiving very many submissions right now. Please try again in a minute."
)


class RateLimitedFormView(FormView):
    """A public form that refuses, with 429 and Retry-After, a client's submissions beyond its
    limit (counted in the database) and everyone's beyond the site-wide cap per minute."""

    # Names the form's count in OUTREACH_SITE_CAP_PER_MINUTE.
    cap_kind = ""
    # The time field the client's recent rows are counted by.
    window_field = "created_at"

    def recent_from_client(self, key):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        # Cheapest refusal first: under a flood the site-wide cap answers most submissions,
        # with one cache read, before a form is built or the database is asked.
        retry_after = site_cap_reached(self.cap_kind)
        if retry_after is not None:
            return self.refuse(SITE_BUSY, retry_after, self.posted(self.kept_field))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.client_key = client_key(self.request)
        recent = self.recent_from_client(self.client_key)
        if over_rate_limit(recent):
            retry_after = seconds_until_allowed(recent, self.window_field)
            return self.refuse(RATE_LIMITED, retry_after, self.kept_text(form))
        # Counted only now, so that one client's refused submissions do not use up everyone's.
        retry_after = over_site_cap(self.cap_kind)
        if retry_after is not None:
            return self.refuse(SITE_BUSY, retry_after, self.kept_text(form))
        return self.submit(form)

    # The free-text field shown back on the refusal page, so that nothing typed is lost.
    kept_field = ""

    def posted(self, name: str) -> str:
        """A field's value as sent, before any form reads it ("" when absent), cut to
        KEPT_LENGTH characters: it is shown back, never stored."""
        if not name:
            return ""
        # The feedback form names its prefix on the form class, not on the view.
        prefix = self.get_prefix() or self.get_form_class().prefix
        return self.request.POST.get(f"{prefix}-{name}" if prefix else name, "")[:KEPT_LENGTH]

    def kept_text(self, form) -> str:
        return form.cleaned_data.get(self.kept_field, "") if self.kept_field else ""

    def refuse(self, message, retry_after: int, kept_text: str):
        """429 with Retry-After and a page of its own: the reason, the visitor's own text and a
        way back. Not the form within the site's layout again: under a flood this is most
        answers, so it is rendered without the request's context (no layout, no notices)."""
        html = render_to_string(
            "outreach/refused.html",
            {
                "language": get_language(),
                "bidi": get_language_bidi(),
                "message": message,
                "kept_text": kept_text,
                "back_url": self.back_url(),
            },
        )
        response = HttpResponse(html, status=429)
        response["Retry-After"] = str(retry_after)
        return response

    def back_url(self) -> str:
        return self.request.get_full_path()


class InquiryCreateView(RateLimitedFormView):
    template_name = "outreach/inquiry_form.html"
    form_class = InquiryForm
    cap_kind = "inquiry"
    kept_field = "message"

    def get_initial(self):
        # A cluster page's "contact the office" link preselects its cluster: ?cluster=<slug>.
        slug = self.request.GET.get("cluster", "")
        return {"cluster": Cluster.objects.filter(slug=slug).first() if slug else None}

    def recent_from_client(self, key):
        return Inquiry.objects.from_client(key, since=rate_limit_since())

    def submit(self, form):
        data = form.cleaned_data
        inquiry = services.inquiry_submit(
            kind=data["kind"],
            cluster=data["cluster"],
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            phone=data["phone"],
            message=data["message"],
            language=get_language(),
            client_key=self.client_key,
        )
        self.request.session[SESSION_REFERENCE] = inquiry.reference
        return redirect("outreach:inquiry-sent")


class InquirySentView(TemplateView):
    template_name = "outreach/inquiry_sent.html"

    def get(self, request, *args, **kwargs):
        if SESSION_REFERENCE not in request.session:
            return redirect("outreach:inquiry")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reference=self.request.session[SESSION_REFERENCE], **kwargs)


class SubscribeView(RateLimitedFormView):
    template_name = "outreach/subscribe_form.html"
    form_class = SubscribeForm
    cap_kind = "subscriber"
    window_field = "confirmation_sent_at"

    def recent_from_client(self, key):
        return Subscriber.objects.requested_by(key, since=rate_limit_since())

    def submit(self, form):
        data = form.cleaned_data
        services.subscriber_request(
            email=data["email"],
            all_news=data["all_news"],
            clusters=list(data["clusters"]),
            language=get_language(),
            client_key=self.client_key,
        )
        return redirect("outreach:alerts-check-email")


class ConfirmView(TemplateView):
    """GET shows a button, POST confirms: a mail scanner that follows links confirms nothing."""

    template_name = "outreach/alerts_confirm.html"

    def post(self, request, token):
        if services.subscriber_confirm(token=token) is None:
            return render(request, "outreach/alerts_link_invalid.html", status=400)
        return redirect("outreach:alerts-confirmed")


# The signed token is the credential; mail clients POST here without a CSRF cookie (RFC 8058).
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(TemplateView):
    template_name = "outreach/alerts_unsubscribe.html"

    def post(self, request, token):
        if services.subscriber_unsubscribe(token=token) is None:
            return render(request, "outreach/alerts_link_invalid.html", status=400)
        return render(request, "outreach/alerts_unsubscribed.html")


# Without a CSRF token the page carrying the form stays cacheable for every visitor; a forged
# vote is worth no more than an anonymous one, and the rate limit and honeypot still apply.
@method_decorator(csrf_exempt, name="dispatch")
class FeedbackView(RateLimitedFormView):
    template_name = "outreach/feedback_form.html"
    form_class = FeedbackForm
    cap_kind = "feedback"
    kept_field = "comment"
    http_method_names = ["post"]

    def recent_from_client(self, key):
        return PageFeedback.objects.from_client(key, since=rate_limit_since())

    def back_url(self):
        # The page the answer was about, as sent (the refusal may come before the form reads
        # it), checked like the redirect after a stored answer.
        try:
            path = urlsplit(self.posted("path")).path
            resolve(path)
        except (ValueError, Resolver404):
            return "/"
        return path

    def submit(self, form):
        data = form.cleaned_data
        path = urlsplit(data["path"]).path
        try:
            resolve(path)
        except Resolver404:
            form.add_error(None, _("This page address is not valid."))
            return self.form_invalid(form)
        services.feedback_submit(
            path=path,
            language=get_language(),
            useful=data["useful"],
            comment=data["comment"],
            client_key=self.client_key,
        )
        messages.success(self.request, _("Thank you for your feedback."))
        return redirect(path)


class PrivacyView(TemplateView):
    """What personal data the portal keeps and for how long, from the same settings the
    retention command applies (outreach/services/retention.py)."""

    template_name = "outreach/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            inquiry_days=settings.OUTREACH_INQUIRY_RETENTION_DAYS,
            unconfirmed_days=settings.OUTREACH_UNCONFIRMED_RETENTION_DAYS,
            unsubscribed_days=settings.OUTREACH_UNSUBSCRIBED_RETENTION_DAYS,
            **kwargs,
        )
