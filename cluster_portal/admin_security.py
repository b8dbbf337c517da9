"""The admin's own protections (ASVS V3.3 and V14.4): a Content-Security-Policy for its
pages and an idle timeout for staff sessions.

`AdminContentSecurityPolicyMiddleware` sits after django-csp's middleware in MIDDLEWARE, so its
response hook runs first and hands django-csp the admin's policy (`PORTAL_ADMIN_CSP`) for
admin pages. The admin has one inline script: django-prose-editor's import map, whose text is
fixed by the static files' names; its SHA-256 is added to `script-src` for
the page it is on, so the editor works and no other inline script runs. An import map cannot
run code itself; every module it names must still come from 'self'.

`StaffIdleTimeoutMiddleware` signs a staff member out after `PORTAL_STAFF_IDLE_SECONDS` without
a request, whatever the session cookie's age says; the admin then asks for the password again.
"""

import base64
import hashlib
import re
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

from core.middleware import DATABASE_UNAVAILABLE, database_unavailable

IMPORT_MAP = re.compile(rb'<script type="importmap">(.*?)</script>', re.S)
LAST_SEEN_KEY = "portal_staff_last_seen"
# A session is written at most this often just to note activity (seconds).
LAST_SEEN_RESOLUTION = 60


def admin_prefix() -> str:
    return f"/{settings.PORTAL_ADMIN_PATH}"


def inline_hashes(content: bytes) -> list[str]:
    """CSP source expressions for the page's import maps, e.g. "'sha256-…'"."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
        for body in IMPORT_MAP.findall(content)
    ]


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(admin_prefix()):
            return response
        directives = {key: list(values) for key, values in settings.PORTAL_ADMIN_CSP.items()}
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and not response.streaming:
            directives["script-src"] += inline_hashes(response.content)
        response._csp_config = directives
        return response


class StaffIdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            signed_out = self._sign_out_if_idle(request)
        except DATABASE_UNAVAILABLE as error:
            # Reading the session needs the database; this runs before any view, so the
            # maintenance page is answered here rather than by the view's exception hook.
            return database_unavailable(request, error)
        return signed_out or self.get_response(request)

    def _sign_out_if_idle(self, request):
        """The redirect to the login page when a staff member was idle too long, else None."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.PORTAL_STAFF_IDLE_SECONDS:
                logout(request)
                if request.path_info.startswith(admin_prefix()):
                    return redirect_to_login(request.get_full_path(), f"{admin_prefix()}login/")
            elif last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION:
                request.session[LAST_SEEN_KEY] = now
        return None
