"""`link_glossary`: the first use of each term links to its entry; typed markup stays text."""

from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from directory.models import Term
from tests.helpers import page_text


def render(text, language="fa", autoescape=True):
    with translation.override(language):
        template = Template(
            "{% load directory_tags %}"
            + (
                "{{ text|link_glossary }}"
                if autoescape
                else "{% autoescape off %}{{ text|link_glossary }}{% endautoescape %}"
            )
        )
        return template.render(Context({"text": text}))


def test_first_occurrence_only_is_linked(content):
    html = render("برنامه اقدام خوشه فرش پس از مطالعه شناخت نوشته شد؛ برنامه اقدام سه‌ساله است.")
    assert html.count('href="/glossary/#term-action-plan"') == 1
    assert html.count('href="/glossary/#term-diagnostic-study"') == 1
    assert html.startswith(
        '<a class="glossary-link" href="/glossary/#term-action-plan">برنامه اقدام</a>'
    )


def test_markup_in_the_text_is_escaped_around_links(content):
    html = render('<script>alert("x")</script> اعتمادسازی <b>میان</b> بنگاه‌ها')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<a class="glossary-link" href="/glossary/#term-trust-building">اعتمادسازی</a>' in html


def test_a_term_inside_a_longer_word_is_not_linked(content):
    html = render("UNIDOS is not UNIDO", language="en")
    assert (
        html == 'UNIDOS is not <a class="glossary-link" href="/en/glossary/#term-unido">UNIDO</a>'
    )


def test_arabic_letters_still_match_the_persian_term(content):
    html = render("يونيدو")  # typed with Arabic ي
    assert 'href="/glossary/#term-unido"' in html


def test_english_pages_link_english_terms_and_other_forms(content):
    html = render("The cluster development agent runs joint actions.", language="en")
    assert (
        'href="/en/glossary/#term-cluster-development-agent">cluster development agent</a>' in html
    )
    assert 'href="/en/glossary/#term-joint-action">joint actions</a>' in html


def test_html_already_marked_safe_is_left_alone(content):
    safe = mark_safe('<a href="/x">برنامه اقدام</a>')
    assert render(safe) == '<a href="/x">برنامه اقدام</a>'


def test_a_new_term_links_at_once(content):
    render("زعفران")  # fills the cache
    Term.objects.create(slug="saffron", term_fa="زعفران", definition_fa="ادویه")
    assert 'href="/glossary/#term-saffron"' in render("زعفران")


def test_glossary_and_faq_pages_in_both_languages(client, content):
    glossary = page_text(client.get("/glossary/"))
    assert '<dt id="term-trust-building">اعتمادسازی</dt>' in glossary
    english = page_text(client.get("/en/glossary/"))
    assert '<dt id="term-trust-building">trust building</dt>' in english
    faq = page_text(client.get("/faq/"))
    assert "خوشه‌های اولویت‌دار استان زنجان کدام‌اند؟" in faq
    # FAQ answers link the terms they use.
    assert 'href="/glossary/#term-cluster-development-agent"' in faq
