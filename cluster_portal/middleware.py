"""Request-wide language rules that LocaleMiddleware alone gets wrong for this site."""

from django.conf import settings
from django.utils import translation


class AdminLanguageMiddleware:
    """Keep the admin Persian and right-to-left whatever the editor's browser asks for.

    LocaleMiddleware follows Accept-Language outside `i18n_patterns` (ECOSYSTEM.md P1); an editor
    who wants English chooses it explicitly, through the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
