"""The public directory: filters, counts with provenance, contact privacy, both languages."""

import re

import pytest

from clusters.models import Cluster
from directory.models import Organisation
from tests.helpers import page_text

PUBLIC_PAGES = ["/directory/", "/documents/", "/glossary/", "/faq/"]


def knife_workshop(**fields):
    values = {
        "name_fa": "کارگاه آزمایشی چاقوسازی",
        "kind": "firm",
        "cluster": Cluster.objects.get(slug="knife"),
        "county": "zanjan",
        "phone": "024-33445566",
        "email": "shop@example.org",
        "address_fa": "زنجان، بازار چاقوسازان",
    }
    return Organisation.objects.create(**{**values, **fields})


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize(("prefix", "lang", "direction"), [("", "fa", "rtl"), ("/en", "en", "ltr")])
def test_pages_in_both_languages_keep_the_strict_policy(
    client, content, path, prefix, lang, direction
):
    response = client.get(prefix + path)
    assert response.status_code == 200
    html = page_text(response)
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_an_investor_finds_who_makes_knives_in_zanjan(client, content):
    knife_workshop()
    html = page_text(client.get("/directory/?cluster=knife&county=zanjan"))
    assert "کارگاه آزمایشی چاقوسازی" in html
    assert "اتحادیه فرش روستایی" not in html


def test_filters_by_kind_and_county(client, content):
    knife_workshop()
    assert "کارگاه آزمایشی" not in page_text(client.get("/directory/?kind=union"))
    assert "اتحادیه فرش روستایی" in page_text(client.get("/directory/?kind=union"))
    assert "کارگاه آزمایشی" not in page_text(client.get("/directory/?county=abhar"))


@pytest.mark.parametrize(
    "query", ["cluster=steel", "kind=robot", "county=tehran", "kind=<script>alert(1)</script>"]
)
def test_bad_filter_values_give_a_normal_page_with_a_persian_note(client, content, query):
    response = client.get(f"/directory/?{query}")
    assert response.status_code == 200
    html = page_text(response)
    assert "برخی از پالایه‌های نشانی فهمیده نشد" in html
    assert "اتحادیه فرش روستایی" in html
    assert "<script>alert(1)" not in html


def test_carpet_counts_label_every_figure(client, content):
    html = page_text(client.get("/directory/?cluster=handmade-carpet"))
    table = html[html.index('<table class="data kind-counts">') : html.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    by_kind = {re.search(r"<th scope=\"row\">(.*?)</th>", row).group(1): row for row in rows}
    assert set(by_kind) == {"تعاونی", "اتحادیه", "انجمن", "واحد رنگرزی", "آموزشگاه"}
    assert "۱۸" in by_kind["تعاونی"] and "رقم گزارش‌شده" in by_kind["تعاونی"]
    assert "۱۳۹۳" in by_kind["تعاونی"]
    assert "۱۰" in by_kind["واحد رنگرزی"] and "رقم گزارش‌شده" in by_kind["واحد رنگرزی"]
    assert "۶" in by_kind["آموزشگاه"] and "رقم گزارش‌شده" in by_kind["آموزشگاه"]
    assert "در شرف تأسیس" in by_kind["انجمن"] and "رقم گزارش‌شده" in by_kind["انجمن"]
    # The directory holds the one union the source names, so that count is computed.
    assert "شمرده‌شده از فهرست فعالان" in by_kind["اتحادیه"]
    assert "رقم گزارش‌شده" not in by_kind["اتحادیه"]
    # Every row says where its number comes from.
    for row in rows:
        assert "رقم گزارش‌شده" in row or "شمرده‌شده از فهرست فعالان" in row


def test_listing_more_cooperatives_than_reported_switches_to_the_computed_count(client, content):
    carpet = Cluster.objects.get(slug="handmade-carpet")
    for number in range(18):
        Organisation.objects.create(
            name_fa=f"تعاونی آزمایشی {number}", kind="cooperative", cluster=carpet
        )
    html = page_text(client.get("/directory/?cluster=handmade-carpet&kind=cooperative"))
    row = re.search(r"<th scope=\"row\">تعاونی</th>(.*?)</tr>", html, re.S).group(1)
    assert "شمرده‌شده از فهرست فعالان" in row


def test_contact_details_appear_only_when_published(client, content):
    hidden = knife_workshop()
    html = page_text(client.get(hidden.get_absolute_url()))
    assert "024-33445566" not in html and "shop@example.org" not in html
    assert "راه‌های تماس این سازمان منتشر نشده است" in html
    hidden.publish_contact = True
    hidden.save()
    html = page_text(client.get(hidden.get_absolute_url()))
    assert "024-33445566" in html and "shop@example.org" in html


def test_pagination_keeps_the_filters(client, content):
    knife = Cluster.objects.get(slug="knife")
    for number in range(25):
        Organisation.objects.create(
            name_fa=f"کارگاه آزمایشی {number:02}", kind="firm", cluster=knife
        )
    html = page_text(client.get("/directory/?cluster=knife"))
    assert 'href="?cluster=knife&amp;page=2"' in html
    second = page_text(client.get("/directory/?cluster=knife&page=2"))
    assert second.count('class="card organisation-card"') == 5
    assert "اتحادیه فرش روستایی" not in second


@pytest.mark.parametrize("page", ["0", "abc", "999"])
def test_bad_page_numbers_are_a_404(client, content, page):
    assert client.get(f"/directory/?page={page}").status_code == 404


def test_missing_organisation_is_a_404(client, content):
    assert client.get("/directory/999999/").status_code == 404


def test_cluster_blocks_render_for_the_integrator(client, content):
    from django.template import Context, Template

    carpet = Cluster.objects.get(slug="handmade-carpet")
    html = Template(
        "{% load directory_tags %}{% cluster_actors cluster %}{% cluster_documents cluster %}"
    ).render(Context({"cluster": carpet}))
    assert "اتحادیه فرش روستایی" in html
    assert 'href="/directory/?cluster=handmade-carpet"' in html
    assert "رقم گزارش‌شده" in html


def test_directory_list_query_count_does_not_grow_with_rows(
    client, content, django_assert_max_num_queries
):
    knife = Cluster.objects.get(slug="knife")
    for number in range(15):
        Organisation.objects.create(name_fa=f"کارگاه {number}", kind="firm", cluster=knife)
    # A session cookie bypasses the page cache, and a first request fills what every page
    # shares per content version (office, notices, schedule): this counts the page's own.
    client.cookies["sessionid"] = "anonymous"
    client.get("/directory/?cluster=knife")
    with django_assert_max_num_queries(8):
        client.get("/directory/?cluster=knife")
