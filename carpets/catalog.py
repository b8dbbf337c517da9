"""The open-data catalogue for harvesters: DCAT-AP in JSON-LD (`/data/catalog.jsonld`) and the
same in the DCAT-US 1.1 "data.json" shape (`/data.json`), which many national portals read.

One `dcat:Dataset` per dataset of `downloads.DATASETS`, each with a distribution per file
format (CSV, XLSX, JSON) and one for the JSON API (`dcat:accessService`, the API as a
`dcat:DataService`). Each names its licence, publisher (the office), contact point, temporal
coverage (the Jalali years of the figures, as Gregorian dates) and update frequency.
Vocabularies: the EU Publications Office's file types and frequencies, IANA media types.
Both bodies are bilingual (`@language` fa and en) and built from the request's host.
"""

import datetime
import hashlib
import json

import jdatetime
from django.conf import settings
from django.db.models import Max, Min
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from clusters.models import Office
from core.content_stamp import content_changed_at

from . import downloads
from .models import Observation

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority"
# The office publishes new figures when a source reports them, not on a calendar.
FREQUENCY = f"{EU}/frequency/IRREG"
FILE_TYPES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
# The API route that serves the same rows as each dataset's files.
API_ROUTES = {
    "observations": "api:observations",
    "derived-figures": "api:checks",
    "checks": "api:checks",
}
AGENT_TYPE = "http://purl.org/adms/publishertype/RegionalAuthority"


def _texts(make) -> list:
    """[{"@value": …, "@language": "fa"}, {… "en"}] from a callable run in each language."""
    values = []
    for language in downloads.LANGUAGES:
        with translation.override(language):
            text = str(make())
        if text:
            values.append({"@value": text, "@language": language})
    return values


def _date(value: datetime.date) -> dict:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def temporal_coverage() -> tuple[datetime.date, datetime.date] | None:
    """The first day of the first Jalali year and the last day of the last, in Gregorian."""
    years = Observation.objects.aggregate(first=Min("year"), last=Max("year"))
    if years["first"] is None:
        return None
    start = jdatetime.date(years["first"], 1, 1).togregorian()
    end = jdatetime.date(years["last"] + 1, 1, 1).togregorian() - datetime.timedelta(days=1)
    return start, end


def _office():
    return Office.objects.first()


def _publisher(office, site: str) -> dict:
    names = (
        [{"@value": office.name_fa, "@language": "fa"}]
        + ([{"@value": office.name_en, "@language": "en"}] if office and office.name_en else [])
        if office
        else [{"@value": site, "@language": "en"}]
    )
    return {
        "@id": f"{site}#publisher",
        "@type": "foaf:Agent",
        "foaf:name": names,
        "dct:type": {"@id": AGENT_TYPE},
    }


def _contact(request, office, site: str) -> dict:
    contact = {
        "@id": f"{site}#contact",
        "@type": "vcard:Organization",
        "vcard:fn": office.name_en or office.name_fa if office else site,
        "vcard:hasURL": {"@id": request.build_absolute_uri(reverse("outreach:inquiry"))},
    }
    if email := getattr(settings, "PORTAL_DATA_CONTACT_EMAIL", ""):
        contact["vcard:hasEmail"] = {"@id": f"mailto:{email}"}
    return contact


def catalogue(request) -> dict:
    """The DCAT-AP catalogue as a JSON-LD document with its context inline (no fetches)."""
    site = request.build_absolute_uri("/")
    office = _office()
    licence = {"@id": downloads.licence()["url"], "@type": "dct:LicenseDocument"}
    publisher = _publisher(office, site)
    contact = _contact(request, office, site)
    coverage = temporal_coverage()
    modified = _date(content_changed_at().date())
    api = {
        "@id": request.build_absolute_uri(reverse("api:index")),
        "@type": "dcat:DataService",
        "dct:title": _texts(lambda: _("Zanjan industrial clusters portal API")),
        "dcat:endpointURL": {"@id": request.build_absolute_uri(reverse("api:index"))},
        "dcat:endpointDescription": {"@id": request.build_absolute_uri(reverse("api:openapi"))},
        "dct:license": licence,
        "dct:publisher": publisher,
    }
    datasets = []
    for dataset in downloads.DATASETS.values():
        dataset_id = request.build_absolute_uri(reverse("data:index")) + f"#{dataset.slug}"
        distributions = []
        for file_format, file_type in FILE_TYPES.items():
            url = request.build_absolute_uri(
                reverse(
                    "data:download", kwargs={"dataset": dataset.slug, "file_format": file_format}
                )
            )
            distributions.append(
                {
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": [{"@value": f"{dataset.slug}.{file_format}", "@language": "en"}],
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dct:format": {"@id": f"{EU}/file-type/{file_type}"},
                    "dcat:mediaType": {
                        "@id": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[file_format]}"
                    },
                    "dct:license": licence,
                }
            )
        api_url = request.build_absolute_uri(reverse(API_ROUTES[dataset.slug]))
        distributions.append(
            {
                "@id": api_url,
                "@type": "dcat:Distribution",
                "dct:title": [{"@value": "JSON API", "@language": "en"}],
                "dcat:accessURL": {"@id": api_url},
                "dcat:accessService": {"@id": api["@id"]},
                "dct:format": {"@id": f"{EU}/file-type/JSON"},
                "dcat:mediaType": {
                    "@id": "https://www.iana.org/assignments/media-types/application/json"
                },
                "dct:license": licence,
            }
        )
        entry = {
            "@id": dataset_id,
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.slug,
            "dct:title": _texts(lambda d=dataset: d.title),
            "dct:description": _texts(lambda d=dataset: d.description),
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:accrualPeriodicity": {"@id": FREQUENCY},
            "dct:modified": modified,
            "dct:license": licence,
            "dcat:keyword": _texts(lambda: _("handmade carpet"))
            + _texts(lambda: _("Zanjan province")),
            "dcat:distribution": distributions,
        }
        if coverage:
            entry["dct:temporal"] = {
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": _date(coverage[0]),
                "dcat:endDate": _date(coverage[1]),
            }
        datasets.append(entry)
    return {
        "@context": CONTEXT,
        "@id": request.build_absolute_uri(reverse("data:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _texts(lambda: _("Zanjan industrial clusters: open data")),
        "dct:description": _texts(
            lambda: _("Carpet-sector figures of Zanjan province with their sources and checks.")
        ),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:modified": modified,
        "foaf:homepage": {"@id": request.build_absolute_uri(reverse("data:index"))},
        "dcat:dataset": datasets,
        "dcat:service": [api],
    }


def _first(texts: list, language: str = "en") -> str:
    chosen = [item["@value"] for item in texts if item["@language"] == language]
    return chosen[0] if chosen else texts[0]["@value"]


def data_json(request) -> dict:
    """The same catalogue in the DCAT-US 1.1 shape (project-open-data "data.json")."""
    catalog = catalogue(request)
    licence = catalog["dct:license"]["@id"]
    datasets = []
    for entry in catalog["dcat:dataset"]:
        contact = entry["dcat:contactPoint"]
        item = {
            "@type": "dcat:Dataset",
            "identifier": entry["@id"],
            "title": _first(entry["dct:title"]),
            "description": _first(entry["dct:description"]),
            "keyword": list(dict.fromkeys(text["@value"] for text in entry["dcat:keyword"])),
            "modified": entry["dct:modified"]["@value"],
            "publisher": {
                "@type": "org:Organization",
                "name": _first(entry["dct:publisher"]["foaf:name"]),
            },
            "contactPoint": {
                "@type": "vcard:Contact",
                "fn": contact["vcard:fn"],
                **(
                    {"hasEmail": contact["vcard:hasEmail"]["@id"]}
                    if "vcard:hasEmail" in contact
                    else {}
                ),
            },
            "accessLevel": "public",
            "license": licence,
            "accrualPeriodicity": "irregular",
            "language": ["fa", "en"],
            "landingPage": catalog["foaf:homepage"]["@id"],
            "distribution": [
                {
                    "@type": "dcat:Distribution",
                    "title": _first(dist["dct:title"]),
                    **(
                        {"downloadURL": dist["dcat:downloadURL"]["@id"]}
                        if "dcat:downloadURL" in dist
                        else {"accessURL": dist["dcat:accessURL"]["@id"]}
                    ),
                    "mediaType": dist["dcat:mediaType"]["@id"].rsplit("media-types/", 1)[1],
                    "format": dist["dct:format"]["@id"].rsplit("/", 1)[1],
                }
                for dist in entry["dcat:distribution"]
            ],
        }
        if "dct:temporal" in entry:
            period = entry["dct:temporal"]
            item["temporal"] = (
                f"{period['dcat:startDate']['@value']}/{period['dcat:endDate']['@value']}"
            )
        datasets.append(item)
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@id": request.build_absolute_uri(reverse("data-json")),
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": datasets,
    }


def _respond(body: dict, content_type: str) -> HttpResponse:
    data = json.dumps(body, ensure_ascii=False, indent=1).encode()
    response = HttpResponse(data, content_type=content_type)
    response["ETag"] = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def catalogue_view(request):
    # The document is the same in both languages: its texts carry @language.
    with translation.override(settings.LANGUAGE_CODE):
        return _respond(catalogue(request), "application/ld+json")


@require_safe
def data_json_view(request):
    with translation.override(settings.LANGUAGE_CODE):
        return _respond(data_json(request), "application/json")
