"""Directory blocks for other apps' pages, and glossary links in running text.

`clusters` never imports `directory`; a cluster page loads these tags instead.
"""

import functools
import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core.content_cache import cached_for_generation
from core.persian import active_language, format_number, variant_pattern
from directory.models import Document, Organisation, Term
from directory.models.organisations import kind_counts

register = template.Library()


def _glossary_forms() -> list[tuple[str, str]]:
    """[(form, url)] of the active language, longest form first, once per content version
    (a term is content, so editing one moves the version)."""
    return cached_for_generation(
        f"directory:glossary-forms:{get_language() or 'fa'}",
        lambda: sorted(
            (
                (form, term.get_absolute_url())
                for term in Term.objects.all()
                for form in term.forms()
            ),
            key=lambda pair: len(pair[0]),
            reverse=True,
        ),
    )


@functools.lru_cache(maxsize=4)
def _glossary_pattern(forms: tuple[tuple[str, str], ...]) -> re.Pattern:
    """One compiled pattern per glossary version, not one per linked text on a page."""
    # Each form matches however it was typed (Arabic letters, digits, ZWNJ), as a whole word.
    alternatives = "|".join(
        f"(?P<t{index}>{variant_pattern(form)})" for index, (form, _url) in enumerate(forms)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@register.filter(needs_autoescape=True)
def link_glossary(text, autoescape=True):
    """Plain text with the first occurrence of each glossary term linked to its entry.

    The text is escaped piece by piece, so markup typed into it stays visible text; text that is
    already HTML (safe) is returned unchanged rather than risk links inside its tags.
    """
    if not text:
        return ""
    if isinstance(text, SafeData):
        return text
    text = str(text)
    escape = conditional_escape if autoescape else str
    forms = _glossary_forms()
    if not forms:
        return escape(text)
    pattern = _glossary_pattern(tuple(forms))
    pieces, position, linked = [], 0, set()
    for match in pattern.finditer(text):
        url = forms[int(match.lastgroup[1:])][1]
        if url in linked:
            continue
        linked.add(url)
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html('<a class="glossary-link" href="{}">{}</a>', url, match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(str(piece) for piece in pieces))


@register.filter
def file_size(value):
    """A download size in the reader's digits: ۲۳٫۴ کیلوبایت, 23.4 KB."""
    size = int(value or 0)
    language = active_language()
    if size < 1024:
        return ngettext("%(size)s byte", "%(size)s bytes", size) % {
            "size": format_number(size, language)
        }
    if size < 1024 * 1024:
        return gettext("%(size)s KB") % {"size": format_number(size / 1024, language, 1)}
    return gettext("%(size)s MB") % {"size": format_number(size / 1024 / 1024, language, 1)}


@register.inclusion_tag("directory/includes/cluster_actors.html")
def cluster_actors(cluster, limit=10):
    """The cluster's organisations by kind, with counts computed or labelled as reported."""
    # Two aggregate queries that change only with an edit: computed once per content generation.
    counts = cached_for_generation(f"kind-counts:{cluster.pk}", lambda: kind_counts(cluster))
    return {
        "cluster": cluster,
        "counts": counts,
        "organisations": Organisation.objects.filtered(cluster=cluster).listed()[:limit],
        "more": sum(count.listed for count in counts) > limit,
    }


@register.inclusion_tag("directory/includes/cluster_documents.html")
def cluster_documents(cluster, limit=5):
    documents = Document.objects.filtered(cluster=cluster).for_listing()
    return {"cluster": cluster, "documents": documents[:limit]}
