"""Key pages in a real browser: accessible (axe-core), usable with a keyboard, on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

KEY_PAGES = [
    "/",
    "/about/",
    "/about/legal-bases/",
    "/clusters/",
    "/clusters/handmade-carpet/",
    "/carpets/",
    "/news/",
    "/search/?q=خوشه",
]


def axe_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["fa", "en"])
@pytest.mark.parametrize("path", KEY_PAGES)
def test_key_pages_have_no_axe_violations(site, page, path, language):
    url = site + (path if language == "fa" else "/en" + path)
    response = page.goto(url)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
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


def test_pages_fit_a_phone_screen(site, phone):
    for path in ("/", "/carpets/", "/clusters/handmade-carpet/"):
        phone.goto(site + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


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
