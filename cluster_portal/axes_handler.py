"""Login lockout per (username, address) and also per username across addresses.

django-axes counts one limit over its lockout parameters. The office wants two: a few failures
from one address lock that username there (AXES_FAILURE_LIMIT, so one shared office address
is not locked for everyone), and a larger number of failures for one username from any
addresses together (PORTAL_AXES_USERNAME_FAILURE_LIMIT) lock that username everywhere, so
guessing one password from many addresses is stopped too. The operator unlocks a username
with `manage.py axes_reset_username <username>` (docs/operations.md).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def username_failures(username: str) -> int:
    """Failures for `username` from every address within the cool-off time."""
    attempts = AccessAttempt.objects.filter(username=username)
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def locked_everywhere(request, credentials=None) -> bool:
    username = get_client_username(request, credentials)
    return bool(username) and (
        username_failures(username) >= settings.PORTAL_AXES_USERNAME_FAILURE_LIMIT
    )


class PortalAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if locked_everywhere(request, credentials):
            return max(failures, get_failure_limit(request, credentials))
        return failures
