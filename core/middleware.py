"""Request-wide rules: the admin's language, security headers, bad addresses, a database away."""

import logging
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .problem import problem_response

logger = logging.getLogger(__name__)


class AdminLanguageMiddleware:
    """Keep the admin Persian and right-to-left whatever the editor's browser asks for.

    LocaleMiddleware follows Accept-Language outside `i18n_patterns`; an editor
    who wants English chooses it explicitly, through the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(f"/{settings.PORTAL_ADMIN_PATH}"):
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Tell browsers the site uses no camera, microphone, location or similar feature.

    Django's SecurityMiddleware sends the other security headers but not this one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PORTAL_PERMISSIONS_POLICY)
        return response


MALFORMED = "The address of this request is not valid."


class RejectMalformedRequestMiddleware:
    """Answer 400 to a path or query string holding a NUL byte or bytes that are not UTF-8.

    Django would pass such text on to the database, where PostgreSQL refuses a NUL in a string
    parameter with an error; no page on this site has a use for either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_malformed(request.META.get("PATH_INFO", "")) or is_malformed(
            request.META.get("QUERY_STRING", "")
        ):
            if request.path_info.startswith("/api/"):
                # API clients read errors as problem details, in both languages.
                return problem_response(400, "malformed_request", _lazy(MALFORMED))
            return HttpResponseBadRequest(
                _(MALFORMED),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def is_malformed(wsgi_text: str) -> bool:
    # WSGI hands over the raw bytes as latin-1 text; undo that, then undo %-escapes.
    raw = unquote_to_bytes(wsgi_text.encode("latin-1", errors="replace").replace(b"+", b" "))
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


class DatabaseUnavailableMiddleware:
    """Answer 503 with the maintenance page, not a traceback, while the database is away.

    The connection that failed is dropped, so the first request after the database returns
    opens a new one and the site recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(request, exception):
    """The maintenance page: rendered from a plain template, it needs no database and no cache."""
    logger.error("Database unavailable: %s", exception)
    # Drop broken connections now, so the next request connects afresh when the database is back.
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    template = loader.get_template("503.html")
    response = HttpResponse(template.render({}), status=503)
    response["Retry-After"] = "60"
    return response
