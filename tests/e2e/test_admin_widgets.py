"""The Persian admin as Chromium shows it: icons as icons, no English word, English fields LTR.

The same pages `make screens` takes (ops/screens.py): every admin add and change page, found
from the admin's registry. Each fails on
- an icon shown as its name (django-prose-editor's Material Icons print "format_bold" when the
  icon font does not apply, the element is then a wide run of text);
- an English interface word in the page's visible text (tests/interface_words.py), or in the
  tooltip (`title`) or screen-reader name (`aria-label`) of a visible element, which scripts
  set in the browser where tests/test_admin_persian.py cannot see them (the editor's toolbar);
- an English field (`lang="en"`: inputs, text areas, the rich-text editing area) whose text
  runs right to left;
- a form wider than the 1,280 px screen.
"""

import pytest
from django.contrib import admin
from django.utils import timezone

from cluster_portal.admin_pages import admin_page_list
from tests.e2e.admin_session import sign_in_to_admin
from tests.interface_words import data_values, english_words
from tests.outreach.factories import make_inquiry

# An icon glyph is about one em wide (24 px); its ligature name as text is several times that.
ICON_MAX_WIDTH = 40

ICONS_AS_TEXT = f"""() => [...document.querySelectorAll('.material-icons')]
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().width > {ICON_MAX_WIDTH})
    .map(e => e.textContent)"""

# The page's visible text without the icons' ligature names (their width is checked above).
VISIBLE_TEXT = """() => {
    const hide = document.createElement('style');
    hide.textContent = '.material-icons { display: none !important; }';
    document.head.append(hide);
    const text = document.body.innerText;
    hide.remove();
    return text;
}"""

# The tooltips and screen-reader names of the elements on screen, each once.
SPOKEN_NAMES = """() => [...new Set([...document.querySelectorAll('[title], [aria-label]')]
    .filter(e => e.getClientRects().length)
    .flatMap(e => [e.getAttribute('title'), e.getAttribute('aria-label')])
    .filter(Boolean))]"""

ENGLISH_RUNNING_RTL = """() => {
    // modeltranslation's class names each English field, whatever its attributes say.
    const english = [...document.querySelectorAll('[lang="en"], [class*="mt-field-"]')]
        .filter(e => e.lang === 'en' || [...e.classList].some(c => /^mt-field-.+-en$/.test(c)));
    const areas = english.filter(e => e.matches('input, textarea'));
    // The editor's editing area sits beside its (hidden) text area.
    for (const e of english) {
        const area = e.closest('.prose-editor')?.querySelector(':scope > .ProseMirror');
        if (area) areas.push(area);
    }
    return areas.filter(e => getComputedStyle(e).direction !== 'ltr')
        .map(e => e.name || e.className);
}"""


@pytest.fixture
def editor(site, django_user_model, page):
    """The site, one row of each outreach kind, and a superuser signed in through the form."""
    from outreach.models import PageFeedback, SiteNotice, Subscriber

    now = timezone.now()
    make_inquiry()
    Subscriber.objects.create(email="reader@example.org")
    PageFeedback.objects.create(path="/clusters/", language="fa", useful=True)
    SiteNotice.objects.create(
        text="اطلاعیه", starts_at=now, ends_at=now + timezone.timedelta(days=1)
    )
    sign_in_to_admin(site, page, django_user_model)
    return page


def check(page, url, data):
    problems = []
    page.goto(url, wait_until="networkidle")
    icons = page.evaluate(ICONS_AS_TEXT)
    if icons:
        problems.append(f"icons shown as names: {icons}")
    words = english_words(page.evaluate(VISIBLE_TEXT), data)
    if words:
        problems.append(f"English words: {sorted(set(words))}")
    tooltips = [name for name in page.evaluate(SPOKEN_NAMES) if english_words(name, data)]
    if tooltips:
        problems.append(f"English tooltips or labels: {sorted(tooltips)}")
    # A widget wider than its column (a translated text area in a tabular inline did) pushes
    # the form past the screen's edge.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.append(f"page {overflow}px wider than the screen")
    rtl = page.evaluate(ENGLISH_RUNNING_RTL)
    if rtl:
        problems.append(f"English fields right to left: {rtl}")
    return problems


def test_post_form_editor_icons_words_and_directions(site, editor):
    from news.models import Post

    post = Post.objects.order_by("pk").first()
    page = editor
    assert not check(page, f"{site}/admin/news/post/{post.pk}/change/", data_values())
    # The editor's toolbar shows glyphs and its area is tall enough to write in.
    bullets = page.locator(".prose-editor button[data-name='bulletList']").first
    assert bullets.bounding_box()["width"] < ICON_MAX_WIDTH
    assert page.locator(".prose-editor > .ProseMirror").first.bounding_box()["height"] > 150
    # Its tooltips and screen-reader names are Persian, and so are the block-type menu's entries.
    bold = page.locator(".prose-editor button[data-name='bold']").first
    assert bold.get_attribute("title") == bold.get_attribute("aria-label") == "پررنگ"
    heading = page.locator(".prose-editor .prose-menubar__option[data-name='heading2']").first
    assert heading.text_content() == "عنوان ۲"
    # The two-box selector's own words are Persian (Django's catalogue lacks them).
    assert "Choose all" not in page.inner_text("body")
    assert page.locator(".selector-chooseall").first.inner_text().startswith("انتخاب همه")
    # The English tab's body runs left to right once shown.
    page.locator(".ui-tabs-nav a", has_text="EN").nth(2).click()
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('#id_body_en').closest('.prose-editor')"
        ".querySelector(':scope > .ProseMirror')).direction"
    )
    assert direction == "ltr"


def test_every_admin_form_in_the_browser(site, editor):
    data = data_values()
    failures = {}
    for admin_page in admin_page_list(admin.site, with_history=False):
        if admin_page.kind not in {"add", "change", "index"}:
            continue
        problems = check(editor, site + admin_page.url, data)
        if problems:
            failures[admin_page.url] = problems
    assert not failures
