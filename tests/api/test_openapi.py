"""The OpenAPI document is the API's contract: every documented path answers, every answer
validates against its documented schema, and every route is documented."""

import re

import jsonschema
import pytest
from django.urls import get_resolver

from cluster_portal.api.openapi import document

DOC = document()


def strict(schema):
    """The schema with extra fields forbidden: the document allows them (clients must ignore
    new fields), but a field this site sends must be documented."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    tightened = {key: strict(value) for key, value in schema.items()}
    if schema.get("type") == "object" and "properties" in schema:
        tightened.setdefault("additionalProperties", False)
    return tightened


STRICT_COMPONENTS = strict(DOC["components"])


def schema_for(path: str, status: str) -> dict:
    response = DOC["paths"][path]["get"]["responses"][status]
    if "$ref" in response:
        response = DOC["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    content = response["content"]
    schema = (content.get("application/json") or content["application/problem+json"])["schema"]
    # The whole document is the root, so "#/components/…" references resolve.
    return {"components": STRICT_COMPONENTS, **strict(schema)}


def validate(path: str, status: str, body) -> None:
    jsonschema.Draft202012Validator(
        schema_for(path, status), format_checker=jsonschema.FormatChecker()
    ).validate(body)


def test_the_schemas_allow_added_fields():
    def closed(schema):
        if isinstance(schema, dict):
            if schema.get("additionalProperties") is False:
                return True
            return any(closed(value) for value in schema.values())
        if isinstance(schema, list):
            return any(closed(item) for item in schema)
        return False

    assert not closed(DOC)


def test_the_document_is_openapi_3_1_and_its_schemas_are_valid():
    assert DOC["openapi"] == "3.1.0"
    for schema in DOC["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    operation_ids = [op["get"]["operationId"] for op in DOC["paths"].values()]
    links = [
        link["operationId"]
        for op in DOC["paths"].values()
        for link in op["get"]["responses"]["200"].get("links", {}).values()
    ]
    assert links and set(links) <= set(operation_ids)
    assert len(operation_ids) == len(set(operation_ids))


def _example_url(path: str, client) -> str:
    """Fill path parameters as a reader of the document would: a slug from its example, an id
    from the list above it (ids differ between installations)."""
    for parameter in DOC["paths"][path]["get"]["parameters"]:
        if parameter.get("in") == "path":
            value = parameter["example"]
            if parameter["name"] == "id":
                listing = path.split("{")[0]
                value = client.get(listing).json()["results"][0]["id"]
            path = path.replace("{" + parameter["name"] + "}", str(value))
    return path


JSON_PATHS = [path for path in DOC["paths"] if not path.endswith("/changelog")]


@pytest.mark.parametrize("path", JSON_PATHS)
def test_every_documented_path_answers_as_documented(client, demo, path):
    response = client.get(_example_url(path, client))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    validate(path, "200", response.json())


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/observations/", {"indicator": "looms", "year_from": 1390, "year_to": 1399}),
        ("/api/v1/observations/", {"cluster": "handmade-carpet", "scope": "national"}),
        ("/api/v1/observations/", {"page": 2, "page_size": 5}),
        ("/api/v1/checks/", {"year": "۱۳۹۳"}),
        ("/api/v1/news/", {"kind": "event"}),
        ("/api/v1/clusters/", {"sector": "handicraft"}),
        ("/api/v1/indicators/", {"cluster": "handmade-carpet", "page_size": 100}),
    ],
)
def test_filtered_answers_validate_too(client, demo, path, query):
    response = client.get(path, query)
    assert response.status_code == 200
    validate(path, "200", response.json())


BAD_QUERIES = [
    {"page": "0"},
    {"page": "abc"},
    {"page": "-1"},
    {"page_size": "0"},
    {"page_size": "1000"},
    {"year_from": "abc"},
    {"year": "2015"},
    {"year_from": "1399", "year_to": "1390"},
    {"scope": "city"},
    {"year": "1393", "year_from": "1390"},
    {"updated_since": "yesterday"},
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_parameters_are_a_documented_400_never_a_500(client, content, query):
    response = client.get("/api/v1/observations/", query)
    assert response.status_code == 400
    body = response.json()
    validate("/api/v1/observations/", "400", body)
    assert response["Content-Type"] == "application/problem+json"
    assert body["status"] == 400 and body["parameter"] in query
    assert body["detail_en"] and body["detail_fa"] != body["detail_en"]
    assert body["title_fa"] != body["title_en"] == "Bad Request"


def test_unknown_objects_are_a_documented_404(client, content):
    for url, path in [
        ("/api/v1/clusters/no-such-cluster/", "/api/v1/clusters/{slug}/"),
        ("/api/v1/news/999999/", "/api/v1/news/{id}/"),
        ("/api/v1/no/such/path", "/api/v1/"),
        ("/api/v1/observations/?page=999", "/api/v1/observations/"),
        ("/api/v1/rankings/?page=99&page_size=100", "/api/v1/rankings/"),
        ("/api/v1/sources/no-such-source/", "/api/v1/sources/{slug}/"),
        ("/api/v1/observations/999999/", "/api/v1/observations/{id}/"),
        ("/api/v1/indicators/nope/", "/api/v1/indicators/{slug}/"),
        ("/api/v1/rankings/999999/", "/api/v1/rankings/{id}/"),
    ]:
        response = client.get(url)
        assert response.status_code == 404
        validate(path, "404", response.json())


def _route_shapes(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from _route_shapes(pattern, route)
        else:
            yield route


def test_every_api_route_is_documented():
    routes = {
        re.sub(r"<[^>]+>", "{}", route)
        for route in _route_shapes(get_resolver())
        if route.startswith("api/v1/") and "(?P<path>" not in route
    }
    documented = {re.sub(r"\{[^}]+\}", "{}", path.lstrip("/")) for path in DOC["paths"]}
    assert routes == documented
