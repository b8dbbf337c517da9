"""Controls of the Persian admin that only work, or only show, in the browser.

- The export page's "Select all" box ticks and clears every column (its handler was an inline
  onchange, which the admin's Content-Security-Policy blocks).
- modeltranslation's language switch is not an empty box on a page with nothing to switch.
- The rich-text toolbar's block-type menu shows a caret, not an empty box (a glyph the admin's
  fonts lack).
- The counts around a change list, rewritten as rows are ticked, read in Persian digits.
- An answer already sent shows its lists with bullets; a phone number runs left to right.
"""

import re

import pytest
from django.contrib import admin

from cluster_portal.admin_pages import admin_page_list
from tests.e2e.admin_session import sign_in_to_admin
from tests.outreach.factories import make_inquiry

LATIN_DIGIT = re.compile(r"[0-9]")
COLUMN_BOXES = ".selectable-field-export-row input[type=checkbox]:not(.select-toggle)"


@pytest.fixture
def editor(site, django_user_model, page):
    sign_in_to_admin(site, page, django_user_model)
    return page


def column_states(page) -> list[bool]:
    return page.eval_on_selector_all(COLUMN_BOXES, "boxes => boxes.map(box => box.checked)")


def test_select_all_ticks_and_clears_every_column_on_every_export_page(site, editor):
    page = editor
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if message.type == "error" else None
    )
    exports = [p for p in admin_page_list(admin.site, with_history=False) if p.kind == "export"]
    assert len(exports) >= 2  # observations, organisations
    for export in exports:
        page.goto(site + export.url)
        select_all = page.get_by_label("انتخاب همه")
        assert select_all.is_checked() and all(column_states(page))
        page.get_by_text("انتخاب همه").click()  # the label, as the editor clicks it
        assert not select_all.is_checked() and not any(column_states(page)), export.url
        select_all.check()
        assert all(column_states(page)), export.url
        # One column cleared by hand: the box shows some, not all, are ticked.
        page.locator(COLUMN_BOXES).first.uncheck()
        assert select_all.evaluate("box => [box.checked, box.indeterminate]") == [False, True]
    assert not blocked


def test_language_switch_and_editor_caret(site, editor):
    from clusters.models import PriorityRanking
    from news.models import Post

    page = editor
    ranking = PriorityRanking.objects.get(is_current=True)  # published: nothing to edit
    page.goto(f"{site}/admin/clusters/priorityranking/{ranking.pk}/change/")
    assert page.locator("#modeltranslation-main-switch").count() == 1
    assert not page.locator("#modeltranslation-main-switch").is_visible()

    post = Post.objects.order_by("pk").first()
    page.goto(f"{site}/admin/news/post/{post.pk}/change/", wait_until="networkidle")
    switch = page.locator("#modeltranslation-main-switch")
    assert switch.is_visible() and switch.locator("option").count() == 2
    # The block-type menu's caret: a drawn triangle, no character for a font to miss.
    caret = page.locator(".prose-menubar__selected").first.evaluate(
        """button => {
            const style = getComputedStyle(button, '::after');
            return [style.content, style.borderTopWidth, style.borderTopColor];
        }"""
    )
    assert "⏷" not in caret[0]
    assert caret[1] != "0px" and caret[2] not in {"transparent", "rgba(0, 0, 0, 0)"}


def test_counts_answers_and_phones_read_as_the_office_writes_them(site, editor):
    from django.contrib.auth import get_user_model

    from outreach.services import inquiry_answer

    page = editor
    page.goto(f"{site}/admin/carpets/observation/")
    boxes = page.locator("input.action-select")
    boxes.nth(0).check()
    boxes.nth(1).check()
    counter = page.locator(".action-counter").inner_text()
    assert counter.startswith("۲ از ") and not LATIN_DIGIT.search(counter)
    for counts in ("#changelist-search .quiet", ".paginator"):
        assert not LATIN_DIGIT.search(page.locator(counts).inner_text()), counts

    inquiry = make_inquiry(phone="+98 912 345 6789")
    inquiry_answer(
        inquiry=inquiry,
        body="<p>مدارک لازم:</p><ul><li>پروانهٔ بهره‌برداری</li><li>طرح توجیهی</li></ul>",
        user=get_user_model().objects.get(username="editor"),
    )
    page.goto(f"{site}/admin/outreach/inquiry/{inquiry.pk}/change/")
    item = page.locator(".rich-text li", has_text="طرح توجیهی")
    assert item.evaluate("li => getComputedStyle(li).listStyleType") == "disc"
    phone = page.get_by_text("+98 912 345 6789", exact=True)
    assert phone.evaluate("element => getComputedStyle(element).direction") == "ltr"
