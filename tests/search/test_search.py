import datetime

import pytest
from django.db import connection
from django.utils import timezone

from news.models import Post
from tests.helpers import page_text


def results(client, query, language="fa", **params):
    prefix = "" if language == "fa" else "/en"
    response = client.get(f"{prefix}/search/", {"q": query, **params})
    assert response.status_code == 200
    return page_text(response)


def test_arabic_letters_find_the_persian_cluster(client, content):
    # Typed on an Arabic keyboard: ي and ك instead of ی and ک.
    html = results(client, "خوشه زيتون")
    assert 'href="/clusters/olive/"' in html
    html = results(client, "كارت")
    assert "<mark>کارت</mark>" in html


@pytest.mark.parametrize("query", ["1380", "۱۳۸۰", "١٣٨٠"])
def test_digits_in_any_script_match(client, content, query):
    assert "<mark>۱۳۸۰</mark>" in results(client, query)


@pytest.mark.parametrize("query", ["قالی‌بافی", "قالی بافی", "قالیبافی"])
def test_zwnj_space_and_joined_spellings_are_equivalent(client, content, query):
    html = results(client, query)
    assert "دارندگان کارت" in html
    assert "۳ نتیجه" in html


def test_diacritics_are_ignored(client, content):
    assert 'href="/clusters/knife/"' in results(client, "چاقُو")


def test_english_search_finds_english_text(client, content):
    html = results(client, "olive", language="en")
    assert 'href="/en/clusters/olive/"' in html
    assert "<mark>Olive</mark>" in html


def test_result_count_and_empty_state_suggest_clusters(client, content):
    html = results(client, "واژه‌ای-که-نیست")
    assert "۰ نتیجه" in html
    assert 'href="/clusters/zinc/"' in html


def test_empty_query_shows_the_form_and_suggestions(client, content):
    html = results(client, "")
    assert 'name="q"' in html
    assert 'href="/clusters/zinc/"' in html


@pytest.mark.parametrize(
    "query", ["ا" * 10_000, "<script>alert(1)</script>", "%", "' OR 1=1 --", "\u202e\u200f"]
)
def test_long_or_malformed_queries_get_a_normal_page(client, content, query):
    html = results(client, query)
    assert "<script>alert(1)</script>" not in html
    # A normal page: the form, and either a result count or the prompt for an empty query.
    assert 'name="q"' in html
    assert "نتیجه" in html or "واژه\u200cای برای جست\u200cوجو بنویسید" in html


def test_bad_page_number_falls_back_to_the_first_page(client, content):
    def hits(html):
        return html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]

    first_page = hits(results(client, "خوشه"))
    assert hits(results(client, "خوشه", page="-5")) == first_page
    assert hits(results(client, "خوشه", page="abc")) == first_page


def test_drafts_and_scheduled_posts_stay_out_until_published(client, content):
    now = timezone.now()
    draft = Post.objects.create(title_fa="پیش‌نویس محرمانه", slug="d", body_fa="متن")
    scheduled = Post.objects.create(
        title_fa="خبر زمان‌بندی‌شده",
        slug="s",
        body_fa="متن",
        status=Post.Status.PUBLISHED,
        publish_at=now + datetime.timedelta(hours=2),
    )
    assert draft.get_absolute_url() not in results(client, "محرمانه")
    assert scheduled.get_absolute_url() not in results(client, "زمان‌بندی‌شده")
    scheduled.publish_at = now - datetime.timedelta(minutes=1)
    scheduled.save()
    assert scheduled.get_absolute_url() in results(client, "زمان‌بندی‌شده")


def test_an_edit_is_searchable_at_once_and_a_delete_disappears(client, content):
    post = Post.objects.create(
        title_fa="نمایشگاه فرش", slug="f", body_fa="متن", status=Post.Status.PUBLISHED
    )
    url = post.get_absolute_url()
    assert url in results(client, "نمایشگاه")
    post.title_fa = "نمایشگاه گلیم"
    post.save()
    assert url in results(client, "گلیم")
    post.delete()
    assert url not in results(client, "نمایشگاه")


def test_search_box_is_on_every_page(client, content):
    for url in ("/", "/about/", "/carpets/", "/en/news/"):
        assert 'role="search"' in page_text(client.get(url))


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="typo tolerance uses PostgreSQL trigrams; run with DATABASE_URL=postgres://…",
)
def test_postgresql_forgives_a_typo(client, content):
    assert 'href="/clusters/olive/"' in results(client, "زیتن")


def test_a_nul_byte_in_the_query_is_refused_in_persian(client, content):
    # Site-wide rule (RejectMalformedRequestMiddleware): no page has a use for a NUL byte.
    response = client.get("/search/?q=%00")
    assert response.status_code == 400
    assert "معتبر نیست" in response.content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the trigram index exists on PostgreSQL only; run with DATABASE_URL=postgres://…",
)
def test_a_typo_search_can_use_the_trigram_index(content):
    """Computing the similarity of every document, a typo search on make bench's 50,000 posts
    took 13 s and held one of the two workers; the index answers it in milliseconds."""
    from search.query import TYPO_SIMILARITY, matching_documents, terms_of

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_folded_trgm'")
        [(definition,)] = cursor.fetchall()
        cursor.execute("SHOW pg_trgm.word_similarity_threshold")
        [(threshold,)] = cursor.fetchall()
    assert "gin" in definition and "gin_trgm_ops" in definition
    # The index serves the operator, whose threshold is the search's own: same results.
    assert float(threshold) == TYPO_SIMILARITY
    sql, _params = matching_documents(terms_of("زیتن"), "fa").query.sql_with_params()
    assert '"folded" %%> %s' in sql  # as the driver receives it: %% is one %
