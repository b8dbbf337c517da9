"""Statistics blocks for pages of other apps, so `clusters` never imports `carpets`."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from carpets import downloads
from carpets.checks import with_warnings
from carpets.models import Observation
from core.persian import iso_datetime
from core.seo import office_reference

register = template.Library()


@register.inclusion_tag("carpets/includes/cluster_figures.html")
def cluster_figures(cluster, limit=20):
    """The latest province figure of each of the cluster's first `limit` indicators."""
    observations = (
        Observation.objects.latest_per_indicator()
        .with_provenance()
        .filter(indicator__cluster=cluster)
        .order_by("indicator__order", "indicator__pk")[:limit]
    )
    return {"observations": with_warnings(observations), "cluster": cluster}


@register.simple_tag(takes_context=True)
def dataset_schema(context, *slugs, modified=None) -> dict:
    """schema.org Dataset entries (JSON-LD) for the open-data files, one download per format.

    `slugs` picks datasets from `downloads.DATASETS` (all of them when empty); `modified` is
    when the data last changed, where the page already knows it.
    """
    request = context["request"]
    language = get_language()
    office = office_reference(request)
    page = request.build_absolute_uri(reverse("data:index"))
    entries = []
    for slug in slugs or downloads.DATASETS:
        dataset = downloads.DATASETS[slug]
        entry = {
            "@type": "Dataset",
            "name": dataset.title_in(language),
            "description": dataset.description_in(language),
            "url": page,
            "inLanguage": language,
            "isAccessibleForFree": True,
            "license": downloads.licence()["url"],
            "creator": office,
            "publisher": office,
            "spatialCoverage": {"@type": "Place", "name": _("Zanjan province, Iran")},
            "distribution": [
                {
                    "@type": "DataDownload",
                    "encodingFormat": media_type.split(";")[0],
                    "contentUrl": request.build_absolute_uri(
                        reverse("data:download", args=[slug, file_format])
                    ),
                }
                for file_format, media_type in downloads.FORMATS.items()
            ],
        }
        if modified:
            entry["dateModified"] = iso_datetime(modified)
        entries.append(entry)
    return {"@context": "https://schema.org", "@graph": entries}
