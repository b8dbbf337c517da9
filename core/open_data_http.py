"""HTTP for the open data (`/api/…`, `/data/…`, `/data.json`), as a client reading the RFCs
expects it, on every answer: from a view, from the page cache, or an error.

- CORS: `Access-Control-Allow-Origin: *` on every answer, 304s and errors included, with the
  validators and the limit headers exposed; a preflight `OPTIONS` gets 204 (the data is public
  and read-only, and no request carries credentials).
- Conditional GET (RFC 9110 §13): `If-None-Match` by `ETag`, else `If-Modified-Since` by
  `Last-Modified` at whole-second precision, for GET and HEAD alike; `Last-Modified` is the
  content stamp (`content_stamp`) where the view gave none. A failed `If-Match` or
  `If-Unmodified-Since` is a 412 problem, never stored.
- Language: the API and the catalogues are bilingual in one body, so they carry neither
  `Content-Language` nor `Vary: Accept-Language`; /data/ pages take their language from the
  path, so they never vary on the header either.
- A request limit per client on the API (`rate_limit`), answered before the page cache.

First in MIDDLEWARE: it must see the page cache's answers too.
"""

import re

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext_lazy as _

from . import rate_limit
from .content_stamp import content_changed_at
from .problem import problem_response

API = re.compile(r"^/api(/|$)")
OPEN_DATA = re.compile(r"^/(?:en/)?data(?:/|\.json$|$)|^/api(?:/|$)")
# Bodies that hold both languages at once: the API, the catalogues and the dataset files.
BILINGUAL = re.compile(r"^/api(?:/|$)|^/data\.json$|^/(?:en/)?data/[-\w]+\.\w+$")

EXPOSED = ", ".join(
    [
        "ETag",
        "Last-Modified",
        "Link",
        "Location",
        "Retry-After",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "RateLimit-Policy",
        "Deprecation",
        "Sunset",
    ]
)
PREFLIGHT_MAX_AGE = 86400


def is_open_data(path: str) -> bool:
    return bool(OPEN_DATA.match(path))


def cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED
    return response


def preflight(request):
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    asked = request.headers.get("Access-Control-Request-Headers")
    # Any header may be sent: nothing here depends on credentials.
    response["Access-Control-Allow-Headers"] = asked or "If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Allow"] = "GET, HEAD, OPTIONS"
    response["Content-Length"] = "0"
    return cors(response)


def _drop_vary(response, name: str) -> None:
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != name.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def _is_problem(response) -> bool:
    return response.get("Content-Type", "").startswith("application/problem+json")


def _precondition_failed():
    return problem_response(
        412, "precondition_failed", _("The data has changed since the version you sent.")
    )


class OpenDataHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not is_open_data(path):
            return self.get_response(request)
        if request.method == "OPTIONS":
            # A CORS preflight or a plain "what may I do here": the same 204 answers both.
            return preflight(request)
        allowance = None
        if API.match(path):
            allowance = rate_limit.take(request)
            if allowance is not None and allowance.exceeded:
                response = problem_response(
                    429, "rate_limited", _("Too many requests: wait and try again.")
                )
                response["Retry-After"] = str(allowance.reset)
                return self._finish(request, path, response, allowance)
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self._conditional(request, response)
        elif response.status_code == 412 and not _is_problem(response):
            # ConditionalGetMiddleware's bare 412, from a page not stored in the cache.
            response = _precondition_failed()
        return self._finish(request, path, response, allowance)

    @staticmethod
    def _conditional(request, response):
        if getattr(response, "streaming", False):
            return response
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(content_changed_at().timestamp())
        last_modified = parse_http_date_safe(response["Last-Modified"])
        answer = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        if answer.status_code == 412:
            return _precondition_failed()
        return answer

    @staticmethod
    def _finish(request, path, response, allowance):
        if allowance is not None:
            for name, value in allowance.headers().items():
                response[name] = value
        bilingual = BILINGUAL.match(path) or _is_problem(response)
        if bilingual and response.has_header("Content-Language"):
            del response["Content-Language"]
        _drop_vary(response, "Accept-Language")
        return cors(response)
