/* Persian tooltips and screen-reader names for django-prose-editor's toolbar.
 *
 * The editor (0.28) writes its toolbar buttons' `title` and `aria-label` in English, outside
 * gettext ("bold", "unordered list", "heading 2"), so a Persian editor hovering a button, or
 * listening to a screen reader, meets English. Its dialogs do go through gettext and are
 * translated in locale/fa/LC_MESSAGES/djangojs.po. On a Persian page this script relabels each
 * button by its `data-name`, the block-type menu's entries ("Paragraph", "Heading 2") and the
 * copy of the current block type the menu shows, in every editor: those on the page and those
 * an inline form adds later (the editor announces each with "prose-editor:ready").
 */
(function () {
    "use strict";
    if ((document.documentElement.lang || "").indexOf("fa") !== 0) {
        return;
    }

    // By menu item (`data-name`): what core/sanitize.py's PROSE_EDITOR_EXTENSIONS turns on, and
    // the HTML source view should a field add it. Titles the editor already passes through
    // gettext ("List properties", "Toggle fullscreen") come from the catalogue.
    var LABELS = {
        paragraph: "پاراگراف",
        bulletList: "فهرست نقطه‌ای",
        orderedList: "فهرست شماره‌دار",
        blockquote: "نقل قول",
        horizontalRule: "خط افقی",
        bold: "پررنگ",
        italic: "کج",
        underline: "زیرخط",
        strike: "خط‌خورده",
        subscript: "زیرنویس",
        superscript: "بالانویس",
        link: "پیوند",
        unlink: "برداشتن پیوند",
        "history:undo": "واگرد",
        "history:redo": "ازنو",
        html: "ویرایش HTML",
    };
    // The block-type menu shows a copy of the current type's button, which has no data-name:
    // it is known by its icon. A question mark means the selection has no single type.
    var ICONS = { notes: LABELS.paragraph, question_mark: "نوع پاراگراف" };
    var DIGITS = "۰۱۲۳۴۵۶۷۸۹";

    function persianNumber(number) {
        return String(number).replace(/[0-9]/g, function (digit) {
            return DIGITS[digit];
        });
    }

    function label(element) {
        var name = element.getAttribute("data-name") || "";
        var level = element.getAttribute("data-level") || (name.match(/^heading(\d)$/) || [])[1];
        if (level) {
            return "عنوان " + persianNumber(level);
        }
        return LABELS[name] || (name ? "" : ICONS[element.textContent.trim()] || "");
    }

    function relabel(menubar) {
        menubar.querySelectorAll("button").forEach(function (button) {
            var text = label(button);
            if (!text) {
                return;
            }
            if (button.classList.contains("prose-menubar__option")) {
                // A menu entry shows its words ("Heading 2") inside a sample of the block.
                var sample = button.firstElementChild;
                if (sample && sample.textContent !== text) {
                    sample.textContent = text;
                }
                return;
            }
            button.setAttribute("title", text);
            button.setAttribute("aria-label", text);
        });
    }

    var watched = new WeakSet();

    function watchMenubar(menubar) {
        relabel(menubar);
        // The block-type menu replaces its copy of the current type's button as the caret moves.
        new MutationObserver(function () {
            relabel(menubar);
        }).observe(menubar, { childList: true, subtree: true });
    }

    function watch(editor) {
        if (!editor || watched.has(editor)) {
            return;
        }
        watched.add(editor);
        var menubar = editor.querySelector(":scope > .prose-menubar");
        if (menubar) {
            watchMenubar(menubar);
            return;
        }
        // The editor announces itself before its menu extension has built the toolbar.
        new MutationObserver(function (records, observer) {
            var built = editor.querySelector(":scope > .prose-menubar");
            if (built) {
                observer.disconnect();
                watchMenubar(built);
            }
        }).observe(editor, { childList: true });
    }

    document.addEventListener("prose-editor:ready", function (event) {
        watch(event.target.closest(".prose-editor"));
    });
    // Editors created before this script ran, if any.
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll(".prose-editor").forEach(watch);
    });
})();
