"""The programme in the open: why each rank, where each project stands, which law each rests on."""

import re

import jdatetime
import pytest

from clusters.models import DevelopmentProject, LegalBasis, ProjectPhase
from clusters.services import ranking_publish
from tests.clusters.factories import make_joint_action, make_scored_edition
from tests.helpers import page_text

UNREPORTED = "هنوز گزارش نشده"


def rows_of(html, caption_fragment):
    """The body rows of the table whose caption holds the fragment, as lists of cell texts."""
    table = re.search(
        r"<table[^>]*>\s*<caption>[^<]*" + re.escape(caption_fragment) + r".*?</table>",
        html,
        re.S,
    ).group(0)
    body = re.search(r"<tbody>(.*)</tbody>", table, re.S).group(1)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


# Why each cluster has its rank


def test_first_edition_says_its_criteria_were_not_reported_and_invents_no_number(client, content):
    html = page_text(client.get("/clusters/"))
    assert "این ویرایش هیچ معیار، وزن یا امتیازی گزارش نکرده است" in html
    assert "در دستور کار سال ۱۳۹۳" in html
    rows = rows_of(html, "خوشه‌ها به ترتیب رتبه")
    assert [row[:2] for row in rows] == [
        ["۱", "خوشه روی"],
        ["۲", "خوشه صنعت فرش (دست\u200cبافت)"],
        ["۳", "خوشه صنعت چاقو"],
        ["۴", "خوشه صنعت توریسم"],
        ["۵", "خوشه زیتون و فرآوری آن"],
        ["۶", "خوشه فرآورده\u200cهای لبنی"],
    ]
    # Score and reason: unknown, and said so, in every row.
    assert all(row[2:] == ["گزارش نشده", "گزارش نشده"] for row in rows)


def test_a_scored_edition_shows_weights_scores_and_reasons(client, content):
    ranking_publish(ranking=make_scored_edition())
    html = page_text(client.get("/clusters/"))
    assert rows_of(html, "معیارها و وزن آن‌ها") == [["اشتغال", "۰٫۶"], ["صادرات", "۰٫۴"]]
    rows = rows_of(html, "خوشه‌ها به ترتیب رتبه")
    # rank, cluster, employment, exports, total, reason (0.6 × 80 + 0.4 × 85 = 82).
    assert rows[1] == [
        "۲",
        "خوشه صنعت فرش (دست\u200cبافت)",
        "۸۰",
        "۸۵",
        "۸۲",
        "دلیل رتبه handmade-carpet",
    ]
    assert "کارگروه صنایع کوچک استان" in html
    assert "۱۵ خرداد ۱۳۹۴" in html


def test_earlier_editions_stay_readable(client, content):
    ranking_publish(ranking=make_scored_edition())
    listing = page_text(client.get("/clusters/"))
    first_url = re.search(r'<a href="(/clusters/rankings/\d+/)">اولویت‌بندی خوشه‌های صنعتی', listing)
    assert first_url, "the first edition is linked from the clusters page"
    html = page_text(client.get(first_url.group(1)))
    assert "این ویرایشی پیشین است" in html
    assert "در دستور کار سال ۱۳۹۳" in html
    assert "رتبه" in html and "خوشه روی" in html
    assert client.get("/clusters/rankings/").status_code == 200
    assert client.get("/clusters/rankings/99999/").status_code == 404


def test_a_clusters_rank_history_shows_every_edition(client, content):
    ranking_publish(ranking=make_scored_edition())
    html = page_text(client.get("/clusters/handmade-carpet/"))
    history = re.search(r'<ul class="rank-history">(.*?)</ul>', html, re.S).group(1)
    assert history.count("<li>") == 2
    assert "رتبه ۲ در «اولویت‌بندی ۱۳۹۴»" in history
    assert "امتیاز کل ۸۲." in history
    assert "دلیل رتبه handmade-carpet" in history
    assert "این ویرایش دلیلی برای این رتبه نیاورده است" in history


# Where each development project stands and who runs it


def test_carpet_timeline_shows_reported_phases_and_sums_up_the_rest(client, content):
    html = page_text(client.get("/clusters/handmade-carpet/"))
    timeline = re.search(r'<ol class="timeline"[^>]*>(.*?)</ol>', html, re.S).group(1)
    names = re.findall(r"<h4>(.*?)</h4>", timeline)
    assert names == ["انتخاب خوشه و انتخاب عامل توسعه", "قرارداد با عامل توسعه"]
    statuses = re.findall(r'<p class="phase-status"><strong>وضعیت:</strong> (.*?)</p>', timeline)
    assert statuses == ["در جریان", "آغاز نشده"]
    assert "انتخاب عامل توسعه خوشه در مراحل نهایی است" in timeline
    assert "قرارداد سه\u200cساله" in timeline
    # The six phases without a report: one sentence naming each, in the cycle's order.
    (summary,) = re.findall(
        r'<p class="unreported">\s*<strong>۶ مرحله از ۸[^<]*</strong>(.*?)</p>', html, re.S
    )
    later = [
        "مطالعه شناخت (عارضه\u200cیابی)",
        "اعتمادسازی",
        "برنامه اقدام",
        "اجرا",
        "پایش و ارزیابی",
    ]
    positions = [summary.index(name) for name in [*later, "خروج عامل توسعه"]]
    assert positions == sorted(positions)
    assert "۳. مطالعه شناخت" in summary and "۸. خروج عامل توسعه" in summary


def test_carpet_project_lists_what_is_known_and_names_what_is_not(client, content):
    html = re.sub(r">\s+<", "><", page_text(client.get("/clusters/handmade-carpet/")))
    assert "<dt>انتخاب عامل توسعه</dt><dd>در مراحل نهایی</dd>" in html
    assert "<dt>مدت قرارداد</dt><dd>۳ سال</dd>" in html
    assert f"<dd>{UNREPORTED}</dd>" not in html
    (missing,) = re.findall(
        r'<p class="unreported"><strong>هنوز گزارش نشده:</strong>(.*?)</p>', html
    )
    unknown = ("سازمان عامل توسعه", "تیم عامل توسعه", "ناظر فنی", "کمیته هماهنگی استانی")
    for label in (*unknown, "شورای خوشه", "آغاز قرارداد", "پایان قرارداد"):
        assert label in missing, label


def test_other_clusters_say_their_project_is_not_yet_reported(client, content):
    html = page_text(client.get("/clusters/zinc/"))
    assert "دفتر هنوز گزارشی از طرح توسعه این خوشه منتشر نکرده است" in html
    assert '<ol class="timeline"' not in html


def test_contract_end_defaults_to_three_years_after_start_and_team_is_shown(client, content):
    project = DevelopmentProject.objects.get(cluster__slug="handmade-carpet")
    project.contract_start = jdatetime.date(1394, 1, 15)
    project.agent_organization_fa = "شرکت نمونه"
    project.save()
    project.team.create(name_fa="مریم احمدی", role_fa="کارشناس ارشد")
    project.governance.create(kind="council", formed_on=jdatetime.date(1394, 4, 1))
    html = page_text(client.get("/clusters/handmade-carpet/"))
    assert "۱۵ فروردین ۱۳۹۷" in html
    assert "(به اندازه مدت قرارداد پس از آغاز آن)" in html
    assert "شرکت نمونه" in html and "مریم احمدی (کارشناس ارشد)" in html
    assert "تشکیل\u200cشده در ۱ تیر ۱۳۹۴." in html


def test_esfand_30_contract_ends_on_the_29th_three_years_on():
    from clusters.models.projects import add_jalali_years

    # 1399 is a Jalali leap year; 1402 is not.
    assert add_jalali_years(jdatetime.date(1399, 12, 30), 3) == jdatetime.date(1402, 12, 29)


# Joint actions register


def test_joint_actions_show_baseline_target_latest_actual_and_dated_reports(client, content):
    make_joint_action()
    html = page_text(client.get("/clusters/knife/"))
    assert "نمایشگاه مشترک چاقوسازان" in html
    assert "<dt>مقدار پایه</dt><dd>۴</dd>" in html
    assert "<dt>هدف</dt><dd>۲۰</dd>" in html
    # The later of the two reports (1 Shahrivar 1394, 12) is the latest actual.
    assert "<dt>آخرین مقدار واقعی</dt><dd>۱۲ در ۱ شهریور ۱۳۹۴</dd>" in html
    assert html.index("۱ شهریور ۱۳۹۴</strong>: گزارش دوم") < html.index(
        "۱۰ اردیبهشت ۱۳۹۴</strong>: گزارش یکم"
    )


def test_a_cluster_without_actions_says_so(client, content):
    html = page_text(client.get("/clusters/zinc/"))
    assert "هنوز هیچ اقدام مشترکی برای این خوشه گزارش نشده است" in html


# Which law each activity rests on


def test_cluster_page_lists_the_laws_it_rests_on_and_links_to_them(client, content):
    html = page_text(client.get("/clusters/tourism/"))
    for number, title in (
        (1, "ماده ۳۹ قانون برنامه چهارم توسعه"),
        (3, "ماده ۸۰ قانون برنامه پنجم توسعه"),
    ):
        assert f'<a href="/about/legal-bases/{number}/">{title}</a>' in html


def test_legal_basis_page_lists_what_it_supports(client, content):
    html = page_text(client.get("/about/legal-bases/3/"))
    assert "ماده ۸۰ قانون برنامه پنجم توسعه" in html
    for slug in ("zinc", "handmade-carpet", "knife", "tourism", "olive", "dairy"):
        assert f'href="/clusters/{slug}/"' in html
    assert "هنوز هیچ مرحله‌ای از طرح‌ها به این بستر قانونی پیوند نخورده است" in html


def test_phases_and_actions_show_their_law_on_both_sides(client, content):
    basis = LegalBasis.objects.get(number=1)
    phase = ProjectPhase.objects.get(project__cluster__slug="handmade-carpet", phase=1)
    action = make_joint_action()
    basis.phases.add(phase)
    basis.actions.add(action)
    detail = page_text(client.get("/about/legal-bases/1/"))
    assert "خوشه صنعت فرش (دست\u200cبافت)</a>: انتخاب خوشه و انتخاب عامل توسعه (در جریان)" in detail
    assert f'href="/clusters/knife/#action-{action.pk}">نمایشگاه مشترک چاقوسازان</a>' in detail
    rests_on = 'پایه قانونی: <a href="/about/legal-bases/1/">ماده ۳۹ قانون برنامه چهارم توسعه</a>'
    assert rests_on in page_text(client.get("/clusters/handmade-carpet/"))
    assert rests_on in page_text(client.get("/clusters/knife/"))


def test_unknown_legal_basis_is_a_404(client, content):
    assert client.get("/about/legal-bases/9/").status_code == 404
    assert client.get("/about/legal-bases/x/").status_code == 404


# Overview


def compare_rows(client, query=""):
    response = client.get("/clusters/compare/" + query)
    assert response.status_code == 200
    return page_text(response), rows_of(page_text(response), "رتبه در ویرایش کنونی")


def test_overview_compares_every_cluster_in_rank_order(client, content):
    _html, rows = compare_rows(client)
    assert [row[0] for row in rows] == ["۱", "۲", "۳", "۴", "۵", "۶"]
    assert rows[1] == [
        "۲",
        "خوشه صنعت فرش (دست\u200cبافت)",
        "صنایع دستی",
        "انتخاب خوشه و انتخاب عامل توسعه (در جریان)",
        "در مراحل نهایی",
        "۰",
    ]
    assert rows[0][3:5] == [UNREPORTED, UNREPORTED]


def test_overview_filters_by_sector_and_phase(client, content):
    _html, rows = compare_rows(client, "?sector=handicraft")
    assert [row[1] for row in rows] == ["خوشه صنعت فرش (دست\u200cبافت)", "خوشه صنعت چاقو"]
    _html, rows = compare_rows(client, "?phase=1")
    assert [row[1] for row in rows] == ["خوشه صنعت فرش (دست\u200cبافت)"]
    _html, rows = compare_rows(client, "?phase=none&sector=agrifood")
    assert [row[1] for row in rows] == ["خوشه زیتون و فرآوری آن", "خوشه فرآورده\u200cهای لبنی"]


@pytest.mark.parametrize("query", ["?sector=bogus", "?phase=99", "?phase=<script>"])
def test_bad_filters_show_every_cluster_with_a_persian_note(client, content, query):
    html, rows = compare_rows(client, query)
    assert len(rows) == 6
    assert "وجود ندارد؛ همه" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_cluster_page_queries_do_not_grow_with_its_actions(client, content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for _ in range(2):
        make_joint_action()
        # A session cookie bypasses the page cache: this counts the page's own rendering.
        client.cookies["sessionid"] = "anonymous"
        # A warm-up request fills the values cached once per content generation.
        client.get("/clusters/knife/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/clusters/knife/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10
