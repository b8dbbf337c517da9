"""Error responses as RFC 9457 problem details (`application/problem+json`), in both languages.

Shape: {"type": "about:blank", "status": 404, "title": "Not Found", "detail": "No such object.",
"code": "not_found", "parameter": null, "title_fa", "title_en", "detail_fa", "detail_en"}.
`title` is the HTTP reason phrase, as RFC 9457 §4.2.1 asks of "about:blank"; `detail` is the
English text; the `_fa`/`_en` members carry both languages, so the body is the same whatever
the client's Accept-Language and no `Content-Language` is sent.
"""

import json
from http import HTTPStatus

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

CONTENT_TYPE = "application/problem+json"

# Persian (and English) titles of the statuses the API answers with; other statuses fall back
# to the English reason phrase in both languages.
TITLES = {
    400: _("Bad Request"),
    404: _("Not Found"),
    405: _("Method Not Allowed"),
    412: _("Precondition Failed"),
    429: _("Too Many Requests"),
    500: _("Internal Server Error"),
}


def _both(text) -> dict:
    texts = {}
    for language in ("fa", "en"):
        with translation.override(language):
            texts[language] = str(text)
    return texts


def problem(status: int, code: str, detail, parameter: str | None = None) -> dict:
    """The problem object; `detail` may be a lazy translation."""
    title = _both(TITLES.get(status, HTTPStatus(status).phrase))
    details = _both(detail)
    return {
        "type": "about:blank",
        "status": status,
        "title": HTTPStatus(status).phrase,
        "detail": details["en"],
        "code": code,
        "parameter": parameter,
        "title_fa": title["fa"],
        "title_en": title["en"],
        "detail_fa": details["fa"],
        "detail_en": details["en"],
    }


def problem_response(status: int, code: str, detail, parameter: str | None = None):
    body = json.dumps(problem(status, code, detail, parameter), ensure_ascii=False)
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPE)
    # An error is about this one request: never kept by a shared cache.
    response["Cache-Control"] = "no-store"
    # Some problems are answered before the security middleware runs (a 429, a bad address).
    response["X-Content-Type-Options"] = "nosniff"
    return response
