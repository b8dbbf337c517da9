"""Key pages in a real browser: accessible (axe-core), usable with a keyboard, on a phone."""

import re

import jdatetime
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from core.persian import format_date
from tests.e2e.admin_session import sign_in_to_admin
from tests.public_pages import public_pages

# Pages a phone visitor reaches first: each must fit a 375px screen.
KEY_PAGES = [
    "/",
    "/about/",
    "/clusters/",
    "/clusters/handmade-carpet/",
    "/clusters/compare/",
    "/carpets/",
    "/carpets/weavers/",
    "/data/",
    "/news/",
    "/directory/",
    "/documents/",
    "/contact/",
    "/search/?q=خوشه",
]


def axe_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes: "
        f"{[node['target'] for node in violation['nodes'][:3]]})"
        for violation in results.response["violations"]
    ]


@pytest.fixture
def every_page(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return public_pages()


def test_every_public_page_has_no_axe_violations(site, page, every_page):
    """Each page kind in both languages, axe-core once per page, all failures in one report."""
    failures = {}
    for language, prefix in (("fa", ""), ("en", "/en")):
        for name, path in every_page.items():
            response = page.goto(site + prefix + path)
            assert response.status == (404 if name == "404" else 200), prefix + path
            assert page.locator("html").get_attribute("lang") == language
            if violations := axe_violations(page):
                failures[prefix + path] = violations
    assert failures == {}


def test_contact_form_leads_to_an_accessible_thank_you(site, page, settings):
    settings.OUTREACH_MIN_FILL_SECONDS = 0
    for prefix, send in (("", "ارسال"), ("/en", "Send")):
        page.goto(site + prefix + "/contact/")
        page.locator("#id_name").fill("مریم احمدی")
        page.locator("#id_email").fill("maryam@example.org")
        page.locator("#id_message").fill("درباره سرمایه‌گذاری در خوشه فرش پرسشی دارم.")
        page.get_by_role("button", name=send).click()
        page.wait_for_url(f"**{prefix}/contact/sent/")
        assert page.locator(".reference").inner_text().startswith("ZC-")
        assert axe_violations(page) == []


def test_search_box_finds_a_cluster_typed_with_arabic_letters(site, page):
    page.goto(site + "/")
    page.get_by_role("searchbox").first.fill("خوشه زيتون")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/**")
    page.get_by_role("link", name="خوشه زیتون و فرآوری آن").first.click()
    assert page.url == site + "/clusters/olive/"


def test_language_switch_keeps_the_page(site, page):
    page.goto(site + "/clusters/knife/")
    page.get_by_role("link", name="English").click()
    assert page.url == site + "/en/clusters/knife/"
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.get_by_role("link", name="فارسی").click()
    assert page.url == site + "/clusters/knife/"
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_follow_news_to_its_cluster(site, page):
    page.goto(site + "/news/")
    page.get_by_role("link", name="نمونه: بازدید از واحدهای فرآوری روی").click()
    page.get_by_role("link", name="خوشه روی").last.click()
    assert page.url == site + "/clusters/zinc/"
    assert page.get_by_role("heading", level=1).inner_text() == "خوشه روی"


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "رفتن به محتوا"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_key_pages_fit_a_phone_screen(site, phone):
    for prefix in ("", "/en"):
        for path in KEY_PAGES:
            phone.goto(site + prefix + path)
            overflow = phone.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, prefix + path


def luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


FOCUS_STYLE = r"""element => {
    const style = getComputedStyle(element);
    // The ring is drawn outside the element (outline-offset), over its parent's background.
    let ground = element.parentElement, background = "rgba(0, 0, 0, 0)";
    while (ground && /rgba\(.*, 0\)|transparent/.test(background)) {
        background = getComputedStyle(ground).backgroundColor;
        ground = ground.parentElement;
    }
    return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
            color: style.outlineColor, background: background};
}"""


def test_keyboard_reaches_the_language_switch_and_search_with_visible_focus(site, page):
    page.goto(site + "/clusters/knife/")
    reached = {}
    for _ in range(25):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        key = page.evaluate("e => e.id || e.className", focused)
        if key in ("site-search-q", "lang-switch"):
            reached[key] = page.evaluate(FOCUS_STYLE, focused)
        if len(reached) == 2:
            break
    assert set(reached) == {"site-search-q", "lang-switch"}
    for key, focus in reached.items():
        # A solid ring at least 2px wide, 3:1 against what is behind it (WCAG 1.4.11).
        assert focus["outline"] != "none" and focus["width"] >= 2, key
        assert contrast(focus["color"], focus["background"]) >= 3, (key, focus)
    # Enter on the focused switch opens the same page in English.
    page.locator(".lang-switch").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/clusters/knife/")


def test_no_request_leaves_the_site(site, page):
    foreign = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if not request.url.startswith(site) and not request.url.startswith("data:")
            else None
        ),
    )
    for path in ("/", "/carpets/", "/en/news/"):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    assert foreign == []


def test_publish_a_post_from_the_admin_with_a_jalali_date_from_the_picker(
    site, page, django_user_model
):
    sign_in_to_admin(site, page, django_user_model)

    page.goto(site + "/admin/news/post/add/")
    page.locator("#id_title_fa").fill("گزارش بازدید از خوشه چاقو")
    page.locator("#id_slug").fill("knife-cluster-visit")
    editor = page.locator("#tab_id_body_fa [contenteditable=true]")
    editor.click()
    page.keyboard.type("کارشناسان دفتر از کارگاه‌های چاقوسازی بازدید کردند.")
    page.locator("#id_status").select_option("published")

    # The Jalali picker beside the publish date: last month, the 10th.
    page.locator("#id_publish_at_0 ~ .ui-datepicker-trigger").click()
    picker = page.locator("#ui-datepicker-div")
    picker.locator(".ui-datepicker-prev").click()
    picker.locator("td a").filter(has_text=re.compile(r"^(10|۱۰)$")).click()
    today = jdatetime.date.today()
    picked = jdatetime.date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 10)
    assert page.locator("#id_publish_at_0").input_value() == picked.strftime("%Y/%m/%d")
    page.locator("input[name=_save]").click()
    page.wait_for_url(site + "/admin/news/post/")

    page.goto(site + "/news/")
    page.get_by_role("link", name="گزارش بازدید از خوشه چاقو").click()
    assert page.get_by_role("heading", level=1).inner_text() == "گزارش بازدید از خوشه چاقو"
    # The day picked, printed the Persian way: "۱۰ <month> <year>".
    with translation.override("fa"):
        expected = format_date(picked, "fa")
    assert page.locator("article.post time").inner_text() == expected
    assert "بازدید کردند" in page.locator(".body").inner_text()


def test_an_editor_corrects_a_figure_typing_persian_digits(site, page, django_user_model):
    """A browser's number box drops ۶۶۵۰۰ before sending it; the admin's number fields are text
    boxes read by the text layer, so the figure typed on a Persian keyboard is saved."""
    from carpets.models import Observation

    figure = Observation.objects.order_by("pk").first()
    sign_in_to_admin(site, page, django_user_model)
    page.goto(f"{site}/admin/carpets/observation/{figure.pk}/change/")
    page.locator("#id_value").fill("۶۶۵۰۰")
    page.locator("#id_year").fill("۱۳۹۴")
    page.locator("input[name=_save]").click()
    page.wait_for_url(site + "/admin/carpets/observation/")
    figure.refresh_from_db()
    assert (figure.value, figure.year) == (66500, 1394)
