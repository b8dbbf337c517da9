"""The DCAT-AP catalogue (/data/catalog.jsonld) and its DCAT-US twin (/data.json), read as a
national open-data portal's harvester reads them: as RDF, checked with pyshacl."""

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef

from carpets import downloads

SHAPES = Graph().parse(Path(__file__).parent / "shapes" / "dcat-ap-mandatory.ttl")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")


def _graph(body: bytes) -> Graph:
    # The context is inline: parsing fetches nothing.
    return Graph().parse(data=body, format="json-ld")


def _conforms(graph: Graph) -> tuple[bool, str]:
    conforms, _report, text = validate(graph, shacl_graph=SHAPES, inference="none")
    return conforms, text


@pytest.mark.parametrize("url", ["/data/catalog.jsonld", "/en/data/catalog.jsonld"])
def test_the_catalogue_validates_against_the_dcat_ap_shapes(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    graph = _graph(response.content)
    conforms, report = _conforms(graph)
    assert conforms, report
    datasets = set(graph.subjects(predicate=None, object=DCAT.Dataset))
    assert len(datasets) == len(downloads.DATASETS)


def test_each_dataset_offers_csv_xlsx_json_and_the_api(client, content):
    graph = _graph(client.get("/data/catalog.jsonld").content)
    eu = "http://publications.europa.eu/resource/authority/file-type/"
    for dataset in graph.subjects(object=DCAT.Dataset):
        formats = [
            graph.value(dist, DCT["format"]) for dist in graph.objects(dataset, DCAT.distribution)
        ]
        assert sorted(str(item) for item in formats) == sorted(
            eu + name for name in ("CSV", "XLSX", "JSON", "JSON")
        )
        services = [
            dist
            for dist in graph.objects(dataset, DCAT.distribution)
            if graph.value(dist, DCAT.accessService) is not None
        ]
        assert len(services) == 1
        licences = {str(item) for item in graph.objects(dataset, DCT.license)}
        assert licences == {downloads.licence()["url"]}


def test_every_download_address_in_the_catalogue_answers(client, content):
    graph = _graph(client.get("/data/catalog.jsonld").content)
    for url in set(graph.objects(predicate=DCAT.accessURL)):
        path = str(url).removeprefix("http://testserver")
        assert client.get(path).status_code == 200, path


def test_the_temporal_coverage_spans_the_jalali_years_of_the_figures(client, content):
    from carpets.models import Observation

    years = sorted(Observation.objects.values_list("year", flat=True))
    body = client.get("/data.json").json()
    start, end = body["dataset"][0]["temporal"].split("/")
    # Farvardin 1 of the first year to Esfand 29/30 of the last, in Gregorian.
    assert start[:4] == str(years[0] + 621) and start[5:7] == "03"
    assert end[:4] == str(years[-1] + 622) and end[5:7] == "03"


def test_shapes_catch_a_catalogue_without_a_title_or_licence(client, content):
    """The shapes bite: the same catalogue stripped of one mandatory property fails."""
    body = json.loads(client.get("/data/catalog.jsonld").content)
    del body["dct:title"]
    for dataset in body["dcat:dataset"]:
        dataset["dcat:distribution"][0].pop("dct:license")
    graph = _graph(json.dumps(body).encode())
    conforms, report = _conforms(graph)
    assert not conforms
    assert "dct:title" in report and "dct:license" in report


def test_data_json_has_what_dcat_us_requires(client, content):
    body = client.get("/data.json").json()
    assert body["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert len(body["dataset"]) == len(downloads.DATASETS)
    for dataset in body["dataset"]:
        for key in (
            "title",
            "description",
            "keyword",
            "modified",
            "publisher",
            "contactPoint",
            "identifier",
            "accessLevel",
            "license",
            "temporal",
            "accrualPeriodicity",
            "distribution",
        ):
            assert dataset[key], key
        kinds = {dist["format"] for dist in dataset["distribution"]}
        assert kinds == {"CSV", "XLSX", "JSON"}
        assert all(
            dist.get("downloadURL") or dist.get("accessURL") for dist in dataset["distribution"]
        )


def test_a_contact_email_is_published_when_set(client, content, settings):
    settings.PORTAL_DATA_CONTACT_EMAIL = "data@example.org"
    body = client.get("/data.json").json()
    assert body["dataset"][0]["contactPoint"]["hasEmail"] == "mailto:data@example.org"
    graph = _graph(client.get("/data/catalog.jsonld").content)
    assert URIRef("mailto:data@example.org") in set(graph.objects())
