"""The Persian admin's screens as an editor sees them at 1,280 and at phone width.

- The Jalali date picker shows its days and years in Persian digits and still writes 1404/06/15.
- Every change list fits beside its filter at 1,280 px with the menu open; a date-time breaks
  only between the date and the time; a news title takes at most two lines; the observation
  list's add/import/export buttons are not inside its warning box.
- Inputs, text areas and the rich-text editor inside the FA/EN tabs fit their box on a phone.
- Addresses run left to right (a notice's link, the editor's link dialog), a slug its own way.
- A title input holds a 60-character Persian title; the toolbar's groups are closed at both
  ends, in a right-to-left page too (the superscript button sat under a rounded corner).
"""

import re

import pytest
from django.contrib import admin
from django.utils import timezone

from cluster_portal.admin_pages import admin_page_list
from tests.e2e.admin_session import sign_in_to_admin

LATIN_DIGIT = re.compile(r"[0-9]")
PERSIAN_TITLE = "نشست هماهنگی دفتر خوشه‌ها با تعاونی‌های فرش دست‌باف استان زنجان"


@pytest.fixture
def editor(site, django_user_model, page):
    sign_in_to_admin(site, page, django_user_model)
    return page


@pytest.fixture
def notice(site):
    from outreach.models import SiteNotice

    now = timezone.now()
    return SiteNotice.objects.create(
        text="اطلاعیه", link="/contact/", starts_at=now, ends_at=now + timezone.timedelta(days=1)
    )


def test_date_picker_shows_persian_digits_and_writes_latin(site, editor):
    page = editor
    page.goto(f"{site}/admin/clusters/priorityranking/add/")
    field = page.locator(".vjDateField").first
    field.evaluate("field => { field.value = '1405/06/31'; }")
    page.locator(".ui-datepicker-trigger").first.click()
    calendar = page.locator("#ui-datepicker-div")
    days = calendar.locator("td a").all_inner_texts()
    assert days[0] == "۱" and days[-1] == "۳۱" and not LATIN_DIGIT.search("".join(days))
    years = calendar.locator("select.ui-datepicker-year")
    assert years.evaluate("select => select.options[select.selectedIndex].text") == "۱۴۰۵"
    assert not LATIN_DIGIT.search("".join(years.locator("option").all_inner_texts()))
    years.select_option("1404")  # the option's value stays what the picker reads
    calendar.locator("td a", has_text=re.compile("^۱۵$")).click()
    assert field.input_value() == "1404/06/15"


# The lines an inline element spans: bidi runs of one line (Persian words, digits) are several
# boxes at about the same height.
LINES = """element => {
    const tops = [...element.getClientRects()].map(box => box.top).sort((a, b) => a - b);
    return tops.filter((top, index) => index === 0 || top - tops[index - 1] > 8).length;
}"""

# The table's width, its area's, and the date and time pieces broken across lines.
LIST_LAYOUT = f"""() => {{
    const lines = {LINES};
    const table = document.querySelector('#result_list');
    const broken = [...table.querySelectorAll('td span.nowrap')]
        .filter(piece => lines(piece) > 1).map(piece => piece.textContent);
    return [table.offsetWidth, table.parentElement.clientWidth, broken];
}}"""


def test_change_lists_fit_at_1280_with_menu_and_filter(site, editor, notice):
    page = editor
    assert page.viewport_size["width"] == 1280
    checked = 0
    failures = {}
    for admin_page in admin_page_list(admin.site, with_history=False):
        if admin_page.kind != "changelist":
            continue
        page.goto(site + admin_page.url)
        if not page.locator("#result_list tbody tr").count():
            continue
        checked += 1
        table, area, broken = page.evaluate(LIST_LAYOUT)
        if table > area + 1 or broken:
            failures[admin_page.url] = (table, area, broken)
    assert checked >= 15 and not failures

    # The news list: each title on at most two lines.
    page.goto(f"{site}/admin/news/post/")
    lines = page.locator("#result_list th.field-title a").evaluate_all(
        f"links => links.map({LINES})"
    )
    assert lines and max(lines) <= 2

    # The observation list: its buttons beside the title, the warning box below them.
    page.goto(f"{site}/admin/carpets/observation/")
    tools = page.locator(".object-tools").bounding_box()
    warning = page.locator("[role=alert]").bounding_box()
    assert tools["y"] + tools["height"] <= warning["y"]


FIELDS_OUTSIDE_THEIR_TAB = """() => [...document.querySelectorAll('.ui-tabs-panel')]
    .filter(panel => panel.getClientRects().length)
    .flatMap(panel => [...panel.querySelectorAll(
        'input:not([type=hidden]), textarea, select, .prose-editor')]
        .filter(field => field.getClientRects().length)
        .filter(field => {
            const own = field.getBoundingClientRect();
            const row = (field.closest('.form-row') || panel).getBoundingClientRect();
            const box = panel.getBoundingClientRect();
            return own.left < Math.max(row.left, box.left) - 0.5
                || own.right > Math.min(row.right, box.right) + 0.5;
        })
        .map(field => field.name || field.className))"""


def test_fields_in_language_tabs_fit_their_box_on_a_phone(site, django_user_model, phone, notice):
    from news.models import Post

    sign_in_to_admin(site, phone, django_user_model)
    post = Post.objects.order_by("pk").first()
    for url in (
        f"/admin/news/post/{post.pk}/change/",
        "/admin/news/post/add/",
        f"/admin/outreach/sitenotice/{notice.pk}/change/",
    ):
        phone.goto(site + url, wait_until="networkidle")
        assert phone.evaluate(FIELDS_OUTSIDE_THEIR_TAB) == [], url
        assert phone.evaluate("document.documentElement.scrollWidth - innerWidth") <= 1, url


def direction(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def test_addresses_run_left_to_right_and_slugs_their_own_way(site, editor, notice):
    from news.models import Post

    page = editor
    page.goto(f"{site}/admin/outreach/sitenotice/{notice.pk}/change/")
    assert direction(page.locator("#id_link")) == "ltr"

    post = Post.objects.order_by("pk").first()
    Post.objects.filter(pk=post.pk).update(slug="نشست-هماهنگی-خوشه-فرش")
    page.goto(f"{site}/admin/news/post/{post.pk}/change/", wait_until="networkidle")
    assert direction(page.locator("#id_slug")) == "rtl"
    page.fill("#id_slug", "coordination-meeting")
    assert direction(page.locator("#id_slug")) == "ltr"

    # The address in the rich-text editor's link dialog, built in the browser.
    body = page.locator(".prose-editor:has(#id_body_fa)")
    body.locator(":scope > .ProseMirror").click()
    page.keyboard.press("Control+a")
    body.locator("button[data-name='link']").click()
    address = page.locator("dialog[open] input[name='href']")
    assert direction(address) == "ltr"


# Each toolbar group's buttons left to right on screen: which sides have a border, which
# corners are round.
TOOLBAR_GROUPS = """() => [...document.querySelectorAll('.prose-menubar__group')]
    .filter(group => group.getClientRects().length)
    .map(group => [...group.querySelectorAll(':scope > .prose-menubar__button')]
        .filter(button => button.getClientRects().length)
        .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
        .map(button => {
            const style = getComputedStyle(button);
            return {
                name: button.dataset.name,
                left: style.borderLeftWidth !== '0px',
                right: style.borderRightWidth !== '0px',
                roundLeft: style.borderTopLeftRadius !== '0px',
                roundRight: style.borderTopRightRadius !== '0px',
            };
        }))
    .filter(buttons => buttons.length > 1)"""


def test_title_input_and_editor_toolbar(site, editor):
    from news.models import Post

    page = editor
    post = Post.objects.order_by("pk").first()
    page.goto(f"{site}/admin/news/post/{post.pk}/change/", wait_until="networkidle")
    title = page.locator("#id_title_fa")
    title.fill(PERSIAN_TITLE)
    assert len(PERSIAN_TITLE) >= 60
    assert title.evaluate("input => input.scrollWidth <= input.clientWidth")

    groups = page.evaluate(TOOLBAR_GROUPS)
    assert groups
    for buttons in groups:
        first, last = buttons[0], buttons[-1]
        # Closed and rounded at both ends; square where two buttons meet.
        assert first["left"] and first["roundLeft"] and last["right"] and last["roundRight"]
        for button in buttons[1:]:
            assert not button["roundLeft"], buttons
        for button in buttons[:-1]:
            assert not button["roundRight"], buttons
