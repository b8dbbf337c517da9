"""Keeping robots out without a third-party service: honeypot, fill time, rate limits.

Nothing here lives in process memory: the fill time travels signed in the form, the limit per
client counts rows in the database, and the site-wide cap counts in the shared cache, so every
worker and host agrees.
"""

import datetime
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.forms import CleanInputMixin
from core.rate_limit import count_in_window, counted_in_window

_SALT = "outreach.form-started"


def form_token(*, now: float | None = None) -> str:
    """A signed "this form was served at" stamp for the hidden field."""
    return signing.dumps(int(time.time() if now is None else now), salt=_SALT)


def client_address(request) -> str:
    header = settings.OUTREACH_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    # A proxy appends to X-Forwarded-For; the right-most entry is the one it saw.
    return value.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")


def client_key(request) -> str:
    """A keyed hash of the client's address: countable, but not the address itself."""
    return salted_hmac("outreach.client", client_address(request)).hexdigest()


def rate_limit_since() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(
        seconds=settings.OUTREACH_RATE_LIMIT["window_seconds"]
    )


def over_rate_limit(queryset) -> bool:
    """True when the client's recent rows (already filtered to it) reach the limit."""
    return queryset.count() >= settings.OUTREACH_RATE_LIMIT["count"]


def seconds_until_allowed(queryset, field: str, *, now=None) -> int:
    """Seconds until the oldest of the client's counted rows leaves the window (for
    Retry-After); `queryset` holds the client's rows inside the window, `field` names the time
    they were counted by."""
    now = now or timezone.now()
    window = settings.OUTREACH_RATE_LIMIT["window_seconds"]
    oldest = queryset.order_by(field).values_list(field, flat=True).first()
    if oldest is None:
        return 1
    oldest = oldest.togregorian() if hasattr(oldest, "togregorian") else oldest
    return max(1, int(window - (now - oldest).total_seconds()) + 1)


def site_cap_reached(kind: str, *, now: float | None = None) -> int | None:
    """Seconds until the next minute when everyone's submissions of `kind` have already reached
    the cap of the current minute, else None; counts nothing.

    Asked first, because under a flood most submissions are refused here: one read of the
    shared cache, before the client's own rows are counted in the database.
    """
    counted = counted_in_window(_site_cap_name(kind), 60, now=now)
    if counted is not None and counted.used >= settings.OUTREACH_SITE_CAP_PER_MINUTE[kind]:
        return counted.reset
    return None


def over_site_cap(kind: str, *, now: float | None = None) -> int | None:
    """Count one submission of `kind` ("inquiry", "feedback", "subscriber") towards the
    site-wide cap of the current minute; return the seconds until the next minute when the cap
    (`OUTREACH_SITE_CAP_PER_MINUTE[kind]`) is already reached, else None.

    Many clients together (a botnet, or one client with many addresses) cannot then write more
    than the cap a minute into the database. The count lives in the shared cache
    (`core.rate_limit.count_in_window`); a cache that cannot be reached lets the submission
    through (the per-client limit still holds).
    """
    counted = count_in_window(_site_cap_name(kind), 60, now=now)
    if counted is not None and counted.used > settings.OUTREACH_SITE_CAP_PER_MINUTE[kind]:
        return counted.reset
    return None


def _site_cap_name(kind: str) -> str:
    return f"outreach-site-cap:{kind}"


class ProtectedForm(CleanInputMixin, forms.Form):
    """Base for public forms: a field robots fill and people never see, and a signed stamp."""

    # Named like a field robots love to fill; hidden by CSS (outreach.css), not by type=hidden.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    rejected_message = _(
        "Your submission could not be accepted. Please reload the page and try again."
    )
    too_fast_message = _(
        "The form was sent too quickly. Please wait a few seconds and send it again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", form_token())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.rejected_message, code="honeypot")
        try:
            age = time.time() - int(signing.loads(cleaned.get("started") or "", salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            age = None
        if age is None or age > settings.OUTREACH_FORM_MAX_AGE_SECONDS:
            self._restamp()
            raise forms.ValidationError(self.rejected_message, code="stamp")
        if age < settings.OUTREACH_MIN_FILL_SECONDS:
            raise forms.ValidationError(self.too_fast_message, code="too-fast")
        return cleaned

    def top_errors(self):
        """Errors shown above the fields: the form's own and those of its hidden fields."""
        return self.get_context()["errors"]

    def _restamp(self):
        # The form comes back to the reader; a fresh stamp lets a person simply send it again.
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = form_token()
