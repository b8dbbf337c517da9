import hashlib

from django.http import Http404, HttpResponse
from django.views.decorators.http import condition
from django.views.generic import DetailView, TemplateView

from clusters.models import Cluster
from core.content_stamp import content_changed_at
from core.problem import problem_response

from . import charts, downloads, notes
from .checks import derived_figures, publications, run_checks, with_warnings
from .filters import FilterError, observation_filters
from .models import Indicator, Observation

CARPET_CLUSTER = "handmade-carpet"


class CarpetSectorView(TemplateView):
    """Every reported figure with its provenance, the figures computed from them, the checks
    between them and charts of where they disagree."""

    template_name = "carpets/sector.html"

    def get_context_data(self, **kwargs):
        # The carpet cluster's figures only: other clusters' indicators have their own pages.
        sector = Observation.objects.filter(indicator__cluster__slug=CARPET_CLUSTER)
        checks = run_checks(sector)
        groups = publications(sector)
        for figures in groups.values():
            with_warnings(figures.values())
        people = [charts.people_chart(figures, year) for (year, _source), figures in groups.items()]
        observations = with_warnings(sector.in_table_order())
        numbered = notes.number_notes(observations)
        by_source = notes.source_notes(numbered)
        derived = derived_figures(sector)
        return super().get_context_data(
            cluster=Cluster.objects.filter(slug=CARPET_CLUSTER).first(),
            observations=observations,
            figure_groups=notes.grouped(observations),
            notes=numbered,
            # (item, its source's note) pairs: checks and computed figures name sources as text.
            checks=[(check, by_source.get(check.source)) for check in checks],
            failed_count=sum(1 for check in checks if not check.passed),
            passed_count=sum(1 for check in checks if check.passed),
            derived=[(figure, by_source.get(figure.source)) for figure in derived],
            comparison_charts=[chart for chart in people if chart],
            check_charts=[charts.check_chart(check) for check in checks if not check.passed],
            **kwargs,
        )


class IndicatorDetailView(DetailView):
    """One indicator over the Jalali years, every source's value side by side."""

    model = Indicator
    context_object_name = "indicator"

    def get_context_data(self, **kwargs):
        observations = with_warnings(
            Observation.objects.in_table_order().filter(indicator=self.object)
        )
        return super().get_context_data(
            observations=observations,
            chart=charts.time_series(self.object, observations),
            **kwargs,
        )


class DataIndexView(TemplateView):
    """The open-data page: each dataset, its formats, licence and when it last changed."""

    template_name = "carpets/data_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=downloads.DATASETS.values(),
            formats=downloads.FORMATS,
            licence=downloads.licence(),
            last_changed=Observation.objects.last_changed(),
            **kwargs,
        )


def _filtered(request):
    return Observation.objects.matching(**observation_filters(request.GET))


def _download_etag(request, dataset, file_format):
    queryset = _filtered(request)
    state = f"{dataset}|{file_format}|{request.GET.urlencode()}|{queryset.count()}"
    return hashlib.sha256(f"{state}|{queryset.last_changed()}".encode()).hexdigest()[:32]


def _download_last_modified(request, dataset, file_format):
    # The content stamp, not the rows' own times: it also moves when a row is deleted.
    return content_changed_at()


def _guarded(view):
    """Unknown datasets are 404s and bad filters a 400 with a message, before any work."""

    def wrapper(request, dataset, file_format):
        if dataset not in downloads.DATASETS or file_format not in downloads.FORMATS:
            raise Http404
        try:
            observation_filters(request.GET)
        except FilterError as error:
            # Problem details, like the API: a script reading the files reads the errors too.
            return problem_response(400, "invalid_parameter", error.message, error.parameter)
        return view(request, dataset, file_format)

    return wrapper


@_guarded
@condition(etag_func=_download_etag, last_modified_func=_download_last_modified)
def download(request, dataset, file_format):
    body = downloads.render(downloads.DATASETS[dataset], file_format, _filtered(request))
    response = HttpResponse(body, content_type=downloads.FORMATS[file_format])
    filename = f"zanjan-carpets-{dataset}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=3600"
    return response
