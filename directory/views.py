from django.http import FileResponse, Http404
from django.views.generic import DetailView, ListView

from .forms import DocumentFilterForm, OrganisationFilterForm
from .models import Document, Organisation, Question, Term
from .models.organisations import kind_counts


class FilteredListMixin:
    """A list narrowed by a GET form; a value that does not validate is ignored with a note."""

    filter_form_class = None
    paginate_by = 20

    def get_filters(self) -> dict:
        self.filter_form = self.filter_form_class(self.request.GET or None)
        if not self.filter_form.is_bound:
            return {}
        self.filter_form.is_valid()
        return {name: value for name, value in self.filter_form.cleaned_data.items() if value}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            filters_rejected=bool(self.filter_form.errors),
            **kwargs,
        )


class OrganisationListView(FilteredListMixin, ListView):
    filter_form_class = OrganisationFilterForm
    context_object_name = "organisations"
    template_name = "directory/organisation_list.html"

    def get_queryset(self):
        self.filters = self.get_filters()
        return Organisation.objects.filtered(**self.filters).listed()

    def get_context_data(self, **kwargs):
        cluster = self.filters.get("cluster")
        return super().get_context_data(
            cluster=cluster, counts=kind_counts(cluster) if cluster else None, **kwargs
        )


class OrganisationDetailView(DetailView):
    template_name = "directory/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.select_related("cluster")


class DocumentListView(FilteredListMixin, ListView):
    filter_form_class = DocumentFilterForm
    context_object_name = "documents"
    template_name = "directory/document_list.html"

    def get_queryset(self):
        filters = self.get_filters()
        if "q" in filters:
            filters["query"] = filters.pop("q")
        return Document.objects.filtered(**filters).for_listing()


class DocumentDetailView(DetailView):
    template_name = "directory/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.prefetch_related("clusters", "legal_bases")


class DocumentDownloadView(DetailView):
    model = Document

    def render_to_response(self, context):
        document = self.object
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, ValueError) as error:
            raise Http404 from error
        name = f"{document.pk}-{document.kind}.{document.file_format}"
        return FileResponse(handle, as_attachment=True, filename=name)


class GlossaryView(ListView):
    model = Term
    template_name = "directory/glossary.html"
    context_object_name = "terms"


class FaqView(ListView):
    model = Question
    template_name = "directory/faq.html"
    context_object_name = "questions"
