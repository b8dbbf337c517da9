import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers import page_text

PUBLIC_PAGES = [
    ("home", {}),
    ("clusters:about", {}),
    ("clusters:legal-bases", {}),
    ("clusters:cluster-list", {}),
    ("clusters:cluster-detail", {"slug": "handmade-carpet"}),
    ("clusters:cluster-detail", {"slug": "zinc"}),
    ("clusters:cluster-compare", {}),
    ("clusters:ranking-list", {}),
    ("clusters:legal-basis-detail", {"number": 2}),
    ("carpets:sector", {}),
    ("news:post-list", {}),
]


def url_in(language, name, kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES)
def test_persian_pages_are_right_to_left_with_persian_dates(client, demo, name, kwargs):
    response = client.get(url_in("fa", name, kwargs))
    assert response.status_code == 200
    html = page_text(response)
    assert '<html lang="fa" dir="rtl">' in html
    # The footer's content date, Jalali, Persian month name and digits.
    assert "۲۸ آبان ۱۳۹۳" in html


@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES)
def test_english_pages_are_left_to_right_with_gregorian_dates(client, demo, name, kwargs):
    url = url_in("en", name, kwargs)
    assert url.startswith("/en/")
    response = client.get(url)
    assert response.status_code == 200
    html = page_text(response)
    assert '<html lang="en" dir="ltr">' in html
    assert "19 November 2014" in html
    assert "آبان" not in html


def test_persian_is_served_at_the_root_whatever_the_browser_prefers(client, content):
    response = client.get("/", headers={"accept-language": "en-US,en"})
    assert '<html lang="fa" dir="rtl">' in page_text(response)


def test_home_lists_the_priority_clusters_in_rank_order(client, content):
    html = page_text(client.get("/"))
    positions = [
        html.index(name)
        for name in (
            "خوشه روی",
            "خوشه صنعت فرش",
            "خوشه صنعت چاقو",
            "خوشه صنعت توریسم",
            "خوشه زیتون و فرآوری آن",
            "خوشه فرآورده\u200cهای لبنی",
        )
    ]
    assert positions == sorted(positions)


def test_about_page_holds_the_concept_advantages_and_history(client, content):
    html = page_text(client.get("/about/"))
    assert "یک منطقه جغرافیایی" in html
    assert "نیمه دوم سال ۱۳۸۰" in html
    assert "UNIDO" in html
    assert html.count("<li><strong>") == 7


def test_legal_bases_page_lists_the_three_bases(client, content):
    html = page_text(client.get("/about/legal-bases/"))
    for fact in (
        "ماده ۳۹ قانون برنامه چهارم توسعه",
        "مجمع تشخیص مصلحت نظام",
        "ماده ۸۰ قانون برنامه پنجم توسعه",
    ):
        assert fact in html


def test_carpet_cluster_page_shows_rank_progress_and_its_figures(client, demo):
    html = page_text(client.get("/clusters/handmade-carpet/"))
    assert "رتبه ۲" in html
    assert "در مراحل نهایی" in html
    assert "۳ سال" in html
    assert "۶۶٬۰۰۰" in html
    # The demo set has a news item on the carpet cluster.
    assert "عامل توسعه خوشه فرش" in html


def test_unknown_cluster_is_a_404(client, content):
    assert client.get("/clusters/no-such-cluster/").status_code == 404


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, content):
    html = page_text(client.get("/clusters/knife/"))
    assert 'href="/en/clusters/knife/"' in html
    html = page_text(client.get("/en/clusters/knife/"))
    assert re.search(r'href="/clusters/knife/"[^>]*hreflang="fa"', html)


def test_pages_load_nothing_from_another_host(client, demo):
    for name, kwargs in PUBLIC_PAGES:
        html = page_text(client.get(url_in("fa", name, kwargs)))
        assert not re.search(r'(src|href)="(https?:)?//(?!testserver/)', html), name


def test_font_is_served_by_the_site(client, content):
    html = page_text(client.get("/"))
    assert "/static/fonts/Vazirmatn-wght.woff2" in html
