"""The OpenAPI 3.1 document of `/api/v1/`, written by hand and kept honest by tests/api/
(jsonschema on every path, schemathesis with every check).

Every schema lists all its properties as required but allows others: v1 may gain fields
(docs/api-changelog.md), and a validating client must not break when it does. The tests
validate with extra fields forbidden, so a field added without being documented still fails.
"""

from django.conf import settings

from carpets.models import Observation
from clusters.models import Cluster
from news.models import Post

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
URI = {"type": "string", "format": "uri"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
    }
    return {**schema, "description": description} if description else schema


def texts(*names: str) -> dict:
    """Each text comes twice: `<name>_fa` (Persian, always set) and `<name>_en` (may be empty)."""
    return {f"{name}_{language}": STRING for name in names for language in ("fa", "en")}


YEARS = {
    "year_jalali": {**INTEGER, "description": "Jalali (Solar Hijri) year, e.g. 1393."},
    "year_gregorian": {
        **STRING,
        "description": "The Gregorian years the Jalali year spans, e.g. 2014–2015.",
    },
}
DATE_PAIR = obj(
    {
        "gregorian": {"type": ["string", "null"], "format": "date"},
        "jalali": {**NULLABLE_STRING, "description": "YYYY-MM-DD in the Jalali calendar."},
    }
)


HARVEST = {
    "api_url": {**URI, "description": "This item's own address in the API."},
    "updated_at": {
        "type": "string",
        "format": "date-time",
        "description": "When the item last changed (whole seconds, Tehran time).",
    },
}


def _date_columns(name: str) -> dict:
    return {
        f"{name}_jalali": {**STRING, "description": "Jalali YYYY-MM-DD, or empty."},
        f"{name}_gregorian": {**STRING, "description": "ISO date, or empty."},
    }


SCHEMAS = {
    "Problem": obj(
        {
            "type": {**STRING, "description": "about:blank: the status says what went wrong."},
            "status": INTEGER,
            "title": {**STRING, "description": "The HTTP reason phrase, in English."},
            "detail": {**STRING, "description": "What went wrong, in English."},
            "code": {
                **STRING,
                "description": "invalid_parameter, not_found, method_not_allowed, "
                "malformed_request, precondition_failed, rate_limited or server_error; more may "
                "come.",
            },
            "parameter": {
                **NULLABLE_STRING,
                "description": "The query parameter at fault, if any.",
            },
            **texts("title", "detail"),
        },
        "An RFC 9457 problem (application/problem+json), in Persian and English.",
    ),
    "Index": obj(
        {
            "version": STRING,
            "openapi": URI,
            "changelog": URI,
            "endpoints": {"type": "object", "additionalProperties": URI},
        }
    ),
    "Cluster": obj(
        {
            "slug": STRING,
            **texts("name"),
            "sector": {"enum": list(Cluster.Sector.values)},
            **texts("summary"),
            "rank": {
                "type": ["integer", "null"],
                "description": "Rank in the current priority ranking; null if not ranked.",
            },
            "url_fa": URI,
            "url_en": URI,
            **HARVEST,
        }
    ),
    "Ranking": obj(
        {
            "id": INTEGER,
            **texts("title"),
            "year_jalali": {"type": ["integer", "null"]},
            **texts("approved_by"),
            "approved_on": DATE_PAIR,
            "is_current": BOOLEAN,
            "entries": {
                "type": "array",
                "items": obj({"rank": INTEGER, "cluster": STRING, **texts("cluster_name")}),
            },
            **HARVEST,
        },
        "An edition of the province's priority ranking of clusters, best rank first.",
    ),
    "Indicator": obj(
        {
            "slug": STRING,
            **texts("name", "unit", "description"),
            "cluster": NULLABLE_STRING,
            "order": INTEGER,
            **HARVEST,
        }
    ),
    "Source": obj(
        {
            "slug": {**STRING, "description": "The source's id, as `source` in observations."},
            **texts("name", "publisher"),
            "published_on": DATE_PAIR,
            "url": {**STRING, "description": "Where the source can be read, or empty."},
            **HARVEST,
        },
        "Where reported figures come from: the body that reported them and when.",
    ),
    "Observation": obj(
        {
            "id": {**INTEGER, "description": "Stable id: /api/v1/observations/{id}/."},
            "indicator": STRING,
            "indicator_name_fa": STRING,
            "indicator_name_en": STRING,
            **texts("unit"),
            "scope": {"enum": list(Observation.Scope.values)},
            **YEARS,
            "value": {**NUMBER, "description": "The value as reported, in the unit."},
            "is_estimate": {**BOOLEAN, "description": "The source calls the value an estimate."},
            **texts("reported_as", "method_note", "note"),
            **_date_columns("recorded_on"),
            "source": {**STRING, "description": "The source's slug."},
            **texts("source_name", "source_publisher"),
            **_date_columns("source_published_on"),
            "source_url": STRING,
            "failing_checks": {
                **STRING,
                "description": "The failed consistency checks that question this value: their "
                '`check` keys (see /api/checks/), separated by "; "; empty when none.',
            },
            "source_api_url": {**URI, "description": "The source in this API."},
            **HARVEST,
        },
        "One reported value of an indicator for a Jalali year from one source. Several "
        "sources for the same indicator, year and scope are separate observations.",
    ),
    "Check": obj(
        {
            "check": STRING,
            **texts("title"),
            **YEARS,
            **texts("source_name", "reported_label"),
            "reported": {"type": ["number", "null"]},
            **texts("compared_label"),
            "compared": {"type": ["number", "null"]},
            **texts("unit"),
            "passed": {**BOOLEAN, "description": "false: the official figures disagree."},
            **texts("finding"),
        }
    ),
    "DerivedFigure": obj(
        {
            "figure": STRING,
            **texts("title"),
            **YEARS,
            "value": NUMBER,
            **texts("unit", "formula"),
            "numerator_indicator": STRING,
            "numerator_value": NUMBER,
            "denominator_indicator": STRING,
            "denominator_value": NUMBER,
            **texts("source_name"),
        }
    ),
    "Checks": obj(
        {
            "checks": {"type": "array", "items": ref("Check")},
            "derived_figures": {"type": "array", "items": ref("DerivedFigure")},
        }
    ),
    "Post": obj(
        {
            "id": INTEGER,
            "kind": {"enum": list(Post.Kind.values)},
            **texts("title", "lead", "body"),
            "category": NULLABLE_STRING,
            "clusters": {"type": "array", "items": STRING},
            "publish_at": {"type": "string", "format": "date-time"},
            "publish_at_jalali": {**STRING, "description": "Jalali YYYY-MM-DDTHH:MM, Tehran."},
            "is_important": BOOLEAN,
            "is_demo": {**BOOLEAN, "description": "Sample content, not real news."},
            "event_start": {"type": ["string", "null"], "format": "date-time"},
            "event_end": {"type": ["string", "null"], "format": "date-time"},
            **texts("event_place"),
            "url_fa": URI,
            "url_en": URI,
            **HARVEST,
        }
    ),
    "OpenAPI": {"type": "object", "required": ["openapi", "info", "paths"]},
}


def page_of(name: str) -> dict:
    return obj(
        {
            "count": INTEGER,
            "page": INTEGER,
            "page_size": INTEGER,
            "num_pages": INTEGER,
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": ref(name)},
        }
    )


def _query(name: str, description: str, schema: dict, example=None) -> dict:
    parameter = {"name": name, "in": "query", "required": False, "schema": schema}
    parameter["description"] = description
    if example is not None:
        parameter["example"] = example
    return parameter


# Slugs are ASCII: a NUL or a byte that is not UTF-8 gets a 400 before any lookup.
SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
# In a filter an empty value means "any", as the /data/ forms send it.
SLUG_FILTER = {"type": "string", "pattern": "^[-a-zA-Z0-9_]*$"}
YEAR_SCHEMA = {"type": "integer", "minimum": 1300, "maximum": 1500}
PARAMETERS = {
    "page": _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
    "page_size": _query(
        "page_size",
        "Items per page (default 20).",
        {"type": "integer", "minimum": 1, "maximum": 100},
    ),
    "cluster": _query("cluster", "A cluster's slug.", SLUG_FILTER, "handmade-carpet"),
    "indicator": _query("indicator", "An indicator's slug.", SLUG_FILTER, "looms"),
    "scope": _query("scope", "province or national.", {"enum": list(Observation.Scope.values)}),
    "year": _query("year", "One Jalali year.", YEAR_SCHEMA, 1393),
    "year_from": _query("year_from", "First Jalali year, inclusive.", YEAR_SCHEMA, 1390),
    "year_to": _query("year_to", "Last Jalali year, inclusive.", YEAR_SCHEMA, 1399),
    "sector": _query("sector", "A cluster sector.", {"enum": list(Cluster.Sector.values)}),
    "kind": _query("kind", "The kind of post.", {"enum": list(Post.Kind.values)}),
    "updated_since": _query(
        "updated_since",
        "Only items changed at or after this moment: an RFC 3339 date-time with its offset, "
        "or a date (midnight, Tehran time).",
        {"type": "string", "anyOf": [{"format": "date-time"}, {"format": "date"}]},
        "2026-01-01T00:00:00+03:30",
    ),
}


def _header(description: str, schema=STRING) -> dict:
    return {"schema": schema, "description": description}


HEADERS = {
    "Cache-Control": _header("public, max-age=300"),
    "ETag": _header("Send it back in If-None-Match to get a 304 while nothing changed."),
    "Last-Modified": _header(
        "When the site's public content last changed (whole seconds); send it back in "
        "If-Modified-Since to get a 304. It moves on every edit, deletion, unpublishing and "
        "scheduled publication."
    ),
    "Access-Control-Allow-Origin": _header("*: any site may read the data from a browser."),
    "Link": _header('RFC 8288 links of a page of a list: rel="first", "prev", "next" and "last".'),
    "RateLimit-Limit": _header("Requests allowed per window (IETF RateLimit draft).", INTEGER),
    "RateLimit-Remaining": _header("Requests left in the current window.", INTEGER),
    "RateLimit-Reset": _header("Seconds until the window ends.", INTEGER),
    "RateLimit-Policy": _header("The limit and the window in seconds, e.g. 300;w=60."),
    "Retry-After": _header("Seconds to wait before the next request.", INTEGER),
}
LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")
OK_HEADERS = (
    "Cache-Control",
    "ETag",
    "Last-Modified",
    "Access-Control-Allow-Origin",
    *LIMIT_HEADERS,
)


def _headers(*names: str) -> dict:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in names}


def _json(schema: dict, description: str, headers=()) -> dict:
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = _headers(*headers)
    return response


def _problem(description: str, *headers: str) -> dict:
    return {
        "description": description,
        "headers": _headers("Access-Control-Allow-Origin", *headers),
        "content": {"application/problem+json": {"schema": ref("Problem")}},
    }


RESPONSES = {
    "BadRequest": _problem("A query parameter is invalid, or two of them conflict."),
    "NotFound": _problem(
        "No such object, page or path; or a filter names a cluster or indicator that does "
        "not exist (`parameter` says which)."
    ),
    "NotModified": {
        "description": "Not modified since the ETag or date you sent.",
        "headers": _headers("ETag", "Last-Modified", "Access-Control-Allow-Origin"),
    },
    "PreconditionFailed": _problem("If-Match or If-Unmodified-Since did not hold."),
    "TooManyRequests": _problem(
        "Over the request limit: wait Retry-After seconds.", "Retry-After", *LIMIT_HEADERS
    ),
}
ERRORS = {
    "304": {"$ref": "#/components/responses/NotModified"},
    "400": {"$ref": "#/components/responses/BadRequest"},
    "404": {"$ref": "#/components/responses/NotFound"},
    "412": {"$ref": "#/components/responses/PreconditionFailed"},
    "429": {"$ref": "#/components/responses/TooManyRequests"},
}


def _operation(
    operation_id, summary, schema, parameters=(), path_parameter=None, listing=False, links=None
) -> dict:
    params = [{"$ref": f"#/components/parameters/{name}"} for name in parameters]
    if path_parameter:
        params.append(path_parameter)
    ok = _json(schema, "OK", OK_HEADERS + (("Link",) if listing else ()))
    if links:
        ok["links"] = links
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": params,
            "responses": {"200": ok, **ERRORS},
        }
    }


LIST = ("page", "page_size", "updated_since")
OBSERVATION_FILTERS = ("cluster", "indicator", "scope", "year", "year_from", "year_to")


def _path_parameter(name, schema, example, description) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "example": example,
        "description": description,
    }


def _link(operation_id: str, parameter: str, pointer: str) -> dict:
    """An OpenAPI link from a response to a detail route: clients (and schemathesis' stateful
    tests) follow it with a value taken from the body."""
    return {
        operation_id: {
            "operationId": operation_id,
            "parameters": {parameter: f"$response.body#{pointer}"},
        }
    }


V1 = "/api/v1"


def _description() -> str:
    limit = settings.PORTAL_API_RATE_LIMIT
    return (
        "Read-only public data of the industrial-cluster office of Zanjan province: clusters, "
        "the priority ranking, carpet-sector figures with their sources, the consistency "
        "checks of those figures, and published news.\n\n"
        "Versions: this is v1, at /api/v1/. Within v1 fields and endpoints may be added, "
        "never removed or changed in meaning: ignore fields you do not know. Changes are "
        "listed in the changelog (/api/v1/changelog, docs/api-changelog.md). The unversioned "
        "paths of before (/api/clusters/ …) answer 308 to their v1 twin with `Deprecation` "
        "and `Sunset` headers.\n\n"
        "Language: responses are language-neutral. Every text field comes twice, "
        "`<name>_fa` (Persian, always set) and `<name>_en` (English, empty when not "
        "translated); there is no language parameter, and no Content-Language.\n\n"
        "Years: statistics are by Jalali (Solar Hijri) year, e.g. 1393, which spans "
        "March 2014 to March 2015; `year_gregorian` says which Gregorian years. `year` and "
        "`year_from`/`year_to` cannot be combined.\n\n"
        "Harvesting: every item has `api_url` and `updated_at`; lists take "
        "`?updated_since=` (ISO 8601) and send RFC 8288 `Link` headers (first, prev, next, "
        "last). A page past the last is a 404. Deletions are not listed: compare ids.\n\n"
        "Caching: responses carry `Cache-Control: public, max-age=300`, an `ETag` and a "
        "`Last-Modified`; send `If-None-Match` or `If-Modified-Since` to get an empty 304 "
        "when nothing changed. Every answer, errors and 304s included, allows any origin "
        "(CORS `*`); preflight OPTIONS requests get 204.\n\n"
        f"Limits: {limit['requests']} requests per client (IP address) every "
        f"{limit['window_seconds']} seconds, announced in `RateLimit-Limit`, "
        "`RateLimit-Remaining` and `RateLimit-Reset` on every answer; past it a 429 with "
        "`Retry-After`.\n\n"
        "Errors are RFC 9457 problem details (application/problem+json) with a code and a "
        "title and detail in both languages. The same carpet data is downloadable as CSV, "
        "XLSX and JSON at /data/, catalogued in DCAT-AP at /data/catalog.jsonld."
    )


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Zanjan industrial clusters portal API",
            "version": "1.1.0",
            "description": _description(),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "paths": {
            f"{V1}/": _operation("index", "Links to every endpoint", ref("Index")),
            f"{V1}/openapi.json": _operation("openapi", "This document", ref("OpenAPI")),
            f"{V1}/changelog": {
                "get": {
                    "operationId": "getChangelog",
                    "summary": "What changed in the API, and the change policy (Markdown)",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "headers": _headers(*OK_HEADERS),
                            "content": {"text/markdown": {"schema": STRING}},
                        },
                        "304": ERRORS["304"],
                        "412": ERRORS["412"],
                        "429": ERRORS["429"],
                    },
                }
            },
            f"{V1}/clusters/": _operation(
                "listClusters",
                "Every cluster",
                page_of("Cluster"),
                (*LIST, "sector"),
                listing=True,
                links=_link("getCluster", "slug", "/results/0/slug"),
            ),
            f"{V1}/clusters/{{slug}}/": _operation(
                "getCluster",
                "One cluster",
                ref("Cluster"),
                path_parameter=_path_parameter("slug", SLUG, "zinc", "A cluster's slug."),
            ),
            f"{V1}/rankings/": _operation(
                "listRankings",
                "Every edition of the priority ranking",
                page_of("Ranking"),
                LIST,
                listing=True,
                links=_link("getRanking", "id", "/results/0/id"),
            ),
            f"{V1}/rankings/current/": _operation(
                "getCurrentRanking", "The current priority ranking", ref("Ranking")
            ),
            f"{V1}/rankings/{{id}}/": _operation(
                "getRanking",
                "One edition of the priority ranking",
                ref("Ranking"),
                path_parameter=_path_parameter(
                    "id", {"type": "integer", "minimum": 1}, 1, "A ranking's id."
                ),
            ),
            f"{V1}/indicators/": _operation(
                "listIndicators",
                "Carpet-sector indicators",
                page_of("Indicator"),
                (*LIST, "cluster"),
                listing=True,
                links=_link("getIndicator", "slug", "/results/0/slug"),
            ),
            f"{V1}/indicators/{{slug}}/": _operation(
                "getIndicator",
                "One indicator",
                ref("Indicator"),
                path_parameter=_path_parameter("slug", SLUG, "looms", "An indicator's slug."),
            ),
            f"{V1}/observations/": _operation(
                "listObservations",
                "Reported values with their provenance",
                page_of("Observation"),
                (*LIST, *OBSERVATION_FILTERS),
                listing=True,
                links={
                    **_link("getObservation", "id", "/results/0/id"),
                    **_link("getSource", "slug", "/results/0/source"),
                },
            ),
            f"{V1}/observations/{{id}}/": _operation(
                "getObservation",
                "One reported value",
                ref("Observation"),
                path_parameter=_path_parameter(
                    "id", {"type": "integer", "minimum": 1}, 1, "An observation's id."
                ),
            ),
            f"{V1}/sources/": _operation(
                "listSources",
                "Where the figures come from",
                page_of("Source"),
                LIST,
                listing=True,
                links=_link("getSource", "slug", "/results/0/slug"),
            ),
            f"{V1}/sources/{{slug}}/": _operation(
                "getSource",
                "One source",
                ref("Source"),
                path_parameter=_path_parameter(
                    "slug", SLUG, "zanjan-industrial-parks-1393", "A source's slug."
                ),
            ),
            f"{V1}/checks/": _operation(
                "listChecks",
                "Consistency checks of the reported figures, and figures computed from them",
                ref("Checks"),
                OBSERVATION_FILTERS,
            ),
            f"{V1}/news/": _operation(
                "listNews",
                "Published news, events and announcements",
                page_of("Post"),
                (*LIST, "cluster", "kind"),
                listing=True,
                links=_link("getNews", "id", "/results/0/id"),
            ),
            f"{V1}/news/{{id}}/": _operation(
                "getNews",
                "One published post",
                ref("Post"),
                path_parameter=_path_parameter(
                    "id", {"type": "integer", "minimum": 1}, 1, "A post's id."
                ),
            ),
        },
        "components": {
            "schemas": SCHEMAS,
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "responses": RESPONSES,
        },
    }
