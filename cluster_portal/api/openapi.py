"""The OpenAPI 3.1 document of `/api/`, written by hand and kept honest by tests/api/.

Every schema lists all its properties as required and forbids others, so a field added to a
response without being documented here fails the tests.
"""

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
        "additionalProperties": False,
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


def _date_columns(name: str) -> dict:
    return {
        f"{name}_jalali": {**STRING, "description": "Jalali YYYY-MM-DD, or empty."},
        f"{name}_gregorian": {**STRING, "description": "ISO date, or empty."},
    }


SCHEMAS = {
    "Error": obj(
        {
            "error": obj(
                {
                    "code": {
                        "enum": ["invalid_parameter", "not_found", "method_not_allowed"],
                    },
                    "parameter": {
                        **NULLABLE_STRING,
                        "description": "The query parameter at fault, if any.",
                    },
                    **texts("message"),
                }
            )
        }
    ),
    "Index": obj(
        {
            "openapi": URI,
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
        },
        "An edition of the province's priority ranking of clusters, best rank first.",
    ),
    "Indicator": obj(
        {
            "slug": STRING,
            **texts("name", "unit", "description"),
            "cluster": NULLABLE_STRING,
            "order": INTEGER,
        }
    ),
    "Observation": obj(
        {
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


YEAR_SCHEMA = {"type": "integer", "minimum": 1300, "maximum": 1500}
PARAMETERS = {
    "page": _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
    "page_size": _query(
        "page_size",
        "Items per page (default 20).",
        {"type": "integer", "minimum": 1, "maximum": 100},
    ),
    "cluster": _query("cluster", "A cluster's slug.", STRING, "handmade-carpet"),
    "indicator": _query("indicator", "An indicator's slug.", STRING, "looms"),
    "scope": _query("scope", "province or national.", {"enum": list(Observation.Scope.values)}),
    "year": _query("year", "One Jalali year.", YEAR_SCHEMA, 1393),
    "year_from": _query("year_from", "First Jalali year, inclusive.", YEAR_SCHEMA, 1390),
    "year_to": _query("year_to", "Last Jalali year, inclusive.", YEAR_SCHEMA, 1399),
    "sector": _query("sector", "A cluster sector.", {"enum": list(Cluster.Sector.values)}),
    "kind": _query("kind", "The kind of post.", {"enum": list(Post.Kind.values)}),
}
HEADERS = {
    "Cache-Control": {"schema": STRING, "description": "public, max-age=300"},
    "ETag": {"schema": STRING, "description": "Send it back in If-None-Match to get a 304."},
}


def _json(schema: dict, description: str, headers: bool = False) -> dict:
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = {name: {"$ref": f"#/components/headers/{name}"} for name in HEADERS}
    return response


ERROR = {
    "400": {"$ref": "#/components/responses/BadRequest"},
    "404": {"$ref": "#/components/responses/NotFound"},
}


def _operation(operation_id, summary, schema, parameters=(), path_parameter=None) -> dict:
    params = [{"$ref": f"#/components/parameters/{name}"} for name in parameters]
    if path_parameter:
        params.append(path_parameter)
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": _json(schema, "OK", headers=True),
                "304": {"description": "Not modified since the ETag or date you sent."},
                **ERROR,
            },
        }
    }


LIST = ("page", "page_size")
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


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Zanjan industrial clusters portal API",
            "version": "1.0.0",
            "description": (
                "Read-only public data of the industrial-cluster office of Zanjan province: "
                "clusters, the priority ranking, carpet-sector figures with their sources, "
                "the consistency checks of those figures, and published news.\n\n"
                "Language: responses are language-neutral. Every text field comes twice, "
                "`<name>_fa` (Persian, always set) and `<name>_en` (English, empty when not "
                "translated); there is no language parameter.\n\n"
                "Years: statistics are by Jalali (Solar Hijri) year, e.g. 1393, which spans "
                "March 2014 to March 2015; `year_gregorian` says which Gregorian years.\n\n"
                "Caching: responses carry `Cache-Control: public, max-age=300` and an `ETag` "
                "(and `Last-Modified` where the data has change times); send `If-None-Match` "
                "to get an empty 304 when nothing changed. Please do not poll faster than the "
                "max-age.\n\n"
                "Errors are JSON objects with a code and a message in both languages. The same "
                "carpet data is downloadable as CSV, XLSX and JSON at /data/."
            ),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "paths": {
            "/api/": _operation("index", "Links to every endpoint", ref("Index")),
            "/api/openapi.json": _operation("openapi", "This document", ref("OpenAPI")),
            "/api/clusters/": _operation(
                "listClusters", "Every cluster", page_of("Cluster"), (*LIST, "sector")
            ),
            "/api/clusters/{slug}/": _operation(
                "getCluster",
                "One cluster",
                ref("Cluster"),
                path_parameter=_path_parameter("slug", STRING, "zinc", "A cluster's slug."),
            ),
            "/api/rankings/": _operation(
                "listRankings", "Every edition of the priority ranking", page_of("Ranking"), LIST
            ),
            "/api/rankings/current/": _operation(
                "getCurrentRanking", "The current priority ranking", ref("Ranking")
            ),
            "/api/indicators/": _operation(
                "listIndicators",
                "Carpet-sector indicators",
                page_of("Indicator"),
                (*LIST, "cluster"),
            ),
            "/api/observations/": _operation(
                "listObservations",
                "Reported values with their provenance",
                page_of("Observation"),
                (*LIST, *OBSERVATION_FILTERS),
            ),
            "/api/checks/": _operation(
                "listChecks",
                "Consistency checks of the reported figures, and figures computed from them",
                ref("Checks"),
                OBSERVATION_FILTERS,
            ),
            "/api/news/": _operation(
                "listNews",
                "Published news, events and announcements",
                page_of("Post"),
                (*LIST, "cluster", "kind"),
            ),
            "/api/news/{id}/": _operation(
                "getNews",
                "One published post",
                ref("Post"),
                path_parameter=_path_parameter("id", INTEGER, 1, "A post's id."),
            ),
        },
        "components": {
            "schemas": SCHEMAS,
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "responses": {
                "BadRequest": _json(ref("Error"), "A query parameter is invalid."),
                "NotFound": _json(ref("Error"), "No such object, page or path."),
            },
        },
    }
