"""Which models are searchable, and what of each is indexed."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from carpets.models import Indicator
from clusters.models import Cluster, InfoPage, LegalBasis
from core.persian import fold, to_gregorian
from directory.models import Document, Organisation, Question, Term
from news.models import Post

from .models import SearchDocument


@dataclass(frozen=True)
class Entry:
    kind: str
    title: str
    text: str
    url: str
    weight: int = 1
    visible_from: object = None


def _cluster(cluster):
    return Entry(
        kind="cluster",
        title=cluster.name,
        text=f"{cluster.summary}\n{cluster.profile}",
        url=cluster.get_absolute_url(),
        weight=3,
    )


def _info_page(page):
    return Entry(
        kind="page",
        title=page.title,
        text=f"{page.lead}\n{page.body}",
        url=reverse("clusters:about") + f"#{page.slug}",
        weight=2,
    )


def _legal_basis(basis):
    url = basis.get_absolute_url() if hasattr(basis, "get_absolute_url") else None
    return Entry(
        kind="legal-basis",
        title=basis.title,
        text=f"{basis.instrument}\n{basis.summary}",
        url=url or reverse("clusters:legal-bases") + f"#basis-{basis.number}",
        weight=2,
    )


def _indicator(indicator):
    return Entry(
        kind="indicator",
        title=indicator.name,
        text=f"{indicator.unit}\n{indicator.description}",
        url=reverse("carpets:sector"),
    )


def _post(post):
    if post.status != Post.Status.PUBLISHED:
        return None
    return Entry(
        kind="post",
        title=post.title,
        text=strip_tags(f"{post.lead}\n{post.body}"),
        url=post.get_absolute_url(),
        visible_from=post.publish_at,
    )


def _organisation(organisation):
    return Entry(
        kind="organisation",
        title=organisation.name,
        text=f"{organisation.get_kind_display()}\n{organisation.city}\n{organisation.description}",
        url=organisation.get_absolute_url(),
        weight=2,
    )


def _library_document(document):
    return Entry(
        kind="document",
        title=document.title,
        text=document.summary,
        url=document.get_absolute_url(),
        weight=2,
    )


def _term(term):
    return Entry(
        kind="term",
        title=term.term,
        text=f"{term.other_forms}\n{term.definition}",
        url=term.get_absolute_url(),
    )


def _question(question):
    return Entry(
        kind="question",
        title=question.question,
        text=question.answer,
        url=reverse("directory:faq") + f"#faq-{question.slug}",
    )


INDEXED = {
    Cluster: _cluster,
    InfoPage: _info_page,
    LegalBasis: _legal_basis,
    Indicator: _indicator,
    Post: _post,
    Organisation: _organisation,
    Document: _library_document,
    Term: _term,
    Question: _question,
}


def _document(obj, content_type, language):
    with translation.override(language):
        entry = INDEXED[type(obj)](obj)
    if entry is None:
        return None
    return SearchDocument(
        content_type=content_type,
        object_id=obj.pk,
        language=language,
        kind=entry.kind,
        title=entry.title,
        text=entry.text,
        url=entry.url,
        folded=fold(f"{entry.title}\n{entry.text}"),
        weight=entry.weight,
        visible_from=to_gregorian(entry.visible_from),
    )


def index_object(obj) -> None:
    """Write (or remove) the documents of one object, one per language."""
    content_type = ContentType.objects.get_for_model(obj)
    SearchDocument.objects.filter(content_type=content_type, object_id=obj.pk).delete()
    documents = [
        document
        for language, _name in settings.LANGUAGES
        if (document := _document(obj, content_type, language)) is not None
    ]
    SearchDocument.objects.bulk_create(documents)


def remove_object(obj) -> None:
    SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).delete()


def rebuild(batch_size: int = 2000) -> int:
    """Index everything anew, in batches, so a large site rebuilds in minutes, not hours."""
    SearchDocument.objects.all().delete()
    count = 0
    for model in INDEXED:
        content_type = ContentType.objects.get_for_model(model)
        batch = []
        for obj in model.objects.order_by("pk").iterator(chunk_size=batch_size):
            batch.extend(
                document
                for language, _name in settings.LANGUAGES
                if (document := _document(obj, content_type, language)) is not None
            )
            count += 1
            if len(batch) >= batch_size:
                SearchDocument.objects.bulk_create(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
    return count
