"""The OpenAPI document is the API's contract: every documented path answers, every answer
validates against its documented schema, and every route is documented."""

import re

import jsonschema
import pytest
from django.urls import get_resolver

from cluster_portal.api.openapi import document

DOC = document()


def schema_for(path: str, status: str) -> dict:
    response = DOC["paths"][path]["get"]["responses"][status]
    if "$ref" in response:
        response = DOC["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    schema = response["content"]["application/json"]["schema"]
    # The whole document is the root, so "#/components/…" references resolve.
    return {"components": DOC["components"], **schema}


def validate(path: str, status: str, body) -> None:
    jsonschema.Draft202012Validator(
        schema_for(path, status), format_checker=jsonschema.FormatChecker()
    ).validate(body)


def test_the_document_is_openapi_3_1_and_its_schemas_are_valid():
    assert DOC["openapi"] == "3.1.0"
    for schema in DOC["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    operation_ids = [op["get"]["operationId"] for op in DOC["paths"].values()]
    assert len(operation_ids) == len(set(operation_ids))


def _example_url(path: str, client) -> str:
    """Fill path parameters as a reader of the document would: a slug from its example, a post
    id from the news list (ids differ between installations)."""
    for parameter in DOC["paths"][path]["get"]["parameters"]:
        if parameter.get("in") == "path":
            value = parameter["example"]
            if parameter["name"] == "id":
                value = client.get("/api/news/").json()["results"][0]["id"]
            path = path.replace("{" + parameter["name"] + "}", str(value))
    return path


@pytest.mark.parametrize("path", list(DOC["paths"]))
def test_every_documented_path_answers_as_documented(client, demo, path):
    response = client.get(_example_url(path, client))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    validate(path, "200", response.json())


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/observations/", {"indicator": "looms", "year_from": 1390, "year_to": 1399}),
        ("/api/observations/", {"cluster": "handmade-carpet", "scope": "national"}),
        ("/api/observations/", {"page": 2, "page_size": 5}),
        ("/api/checks/", {"year": "۱۳۹۳"}),
        ("/api/news/", {"kind": "event"}),
        ("/api/clusters/", {"sector": "handicraft"}),
        ("/api/indicators/", {"cluster": "handmade-carpet", "page_size": 100}),
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
    {"page": "999"},
    {"page_size": "0"},
    {"page_size": "1000"},
    {"year_from": "abc"},
    {"year": "2015"},
    {"year_from": "1399", "year_to": "1390"},
    {"scope": "city"},
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_parameters_are_a_documented_400_never_a_500(client, content, query):
    response = client.get("/api/observations/", query)
    assert response.status_code == 400
    body = response.json()
    validate("/api/observations/", "400", body)
    assert body["error"]["parameter"] in query
    assert (
        body["error"]["message_en"] and body["error"]["message_fa"] != body["error"]["message_en"]
    )


def test_unknown_objects_are_a_documented_404(client, content):
    for url, path in [
        ("/api/clusters/no-such-cluster/", "/api/clusters/{slug}/"),
        ("/api/news/999999/", "/api/news/{id}/"),
        ("/api/no/such/path", "/api/"),
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
        if route.startswith("api/") and "(?P<path>" not in route
    }
    documented = {re.sub(r"\{[^}]+\}", "{}", path.lstrip("/")) for path in DOC["paths"]}
    assert routes == documented
