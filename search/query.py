"""Run a visitor's query against the index and present the hits with highlighted snippets."""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, FloatField, Q, Value
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.collation import by_name
from core.persian import normalize, variant_pattern

from .models import SearchDocument

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_RADIUS = 90
# Below this trigram word similarity a near miss is noise rather than a typo.
TYPO_SIMILARITY = 0.45


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    title: SafeString
    snippet: SafeString
    # The post itself when the hit is an event, so the result shows when and where it happens.
    event: object = None


def terms_of(query: str) -> list[str]:
    """The folded words of a query; anything past a sane length is ignored, not an error."""
    cleaned = "".join(char for char in str(query)[:MAX_QUERY_LENGTH] if char.isprintable())
    return normalize(cleaned).split()[:MAX_TERMS]


def matching_documents(terms: list[str], language: str):
    now = timezone.now()
    documents = SearchDocument.objects.filter(language=language).filter(
        Q(visible_from__isnull=True) | Q(visible_from__lte=now)
    )
    every_term = Q()
    for term in terms:
        every_term &= Q(folded__contains=term)
    if connection.vendor == "postgresql":
        return _ranked_on_postgresql(documents, every_term, terms)
    return documents.filter(every_term).order_by("-weight", "-visible_from", by_name("title"))


def _ranked_on_postgresql(documents, every_term, terms):
    """Full-text rank for the exact words; trigram similarity only when no word matched.

    The exact-word filter is the one SQLite uses, so both backends give the same results for
    exact words; when a word was mistyped and nothing matches, PostgreSQL offers near misses.
    """
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        TrigramWordSimilarity,
    )

    phrase = " ".join(terms)
    ranked = documents.annotate(
        rank=SearchRank(
            SearchVector("folded", config="simple"), SearchQuery(phrase, config="simple")
        ),
        similarity=TrigramWordSimilarity(Value(phrase), "folded"),
        score=F("rank") + F("similarity") + F("weight") * Value(0.1, FloatField()),
    ).order_by("-score", "-visible_from", by_name("title"))
    exact = ranked.filter(every_term)
    if exact.exists():
        return exact
    # The operator form (`folded %> phrase`) reads the trigram index; the threshold is ours
    # (use_typo_threshold). Computing the similarity of every document instead took seconds.
    return ranked.filter(folded__trigram_word_similar=phrase, similarity__gte=TYPO_SIMILARITY)


def use_typo_threshold(sender, connection, **kwargs):
    """Every PostgreSQL connection counts a word as similar from TYPO_SIMILARITY on."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {TYPO_SIMILARITY}")


def highlight(text: str, terms: list[str], radius: int | None = None) -> SafeString:
    """Escape the text and mark every occurrence of the terms, as it was typed in the original.

    With a radius, cut a window around the first match so long pages give short snippets.
    """
    pattern = re.compile("|".join(variant_pattern(term) for term in terms), re.IGNORECASE)
    if radius is not None:
        first = pattern.search(text)
        start = max(0, first.start() - radius) if first else 0
        end = min(len(text), (first.end() if first else 0) + radius)
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def present(documents, terms: list[str]) -> list[Hit]:
    return [
        Hit(
            document=document,
            title=highlight(document.title, terms),
            snippet=highlight(" ".join(document.text.split()), terms, radius=SNIPPET_RADIUS),
        )
        for document in documents
    ]
