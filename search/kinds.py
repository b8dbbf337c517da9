"""What each kind of search result is called, shared by the index and its rows."""

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "cluster": _("Cluster"),
    "page": _("Page"),
    "legal-basis": _("Legal basis"),
    "indicator": _("Carpet figure"),
    "post": _("News"),
    "organisation": _("Organisation"),
    "document": _("Document"),
    "term": _("Glossary"),
    "question": _("Question"),
}
