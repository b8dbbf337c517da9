/* Persian digits in the counts a Persian change list prints around its table.
 *
 * The table's own cells are printed on the server (core/admin_values.py). The counts around it
 * come from Django's templates and its actions.js, in Latin digits: "17 نتیجه", "0 از 17 انتخاب
 * شده‌اند" (rewritten on every tick of a row), "17 رقم‌های گزارش‌شده", the page numbers, a
 * filter's year choices ("1393"), and a new inline row's "#1". This rewrites the digits of those
 * texts only: never an attribute (a link's address keeps its page number and ids), never an
 * input's value.
 */
(function () {
    "use strict";
    if ((document.documentElement.lang || "").indexOf("fa") !== 0) {
        return;
    }
    var DIGITS = "۰۱۲۳۴۵۶۷۸۹";
    var NUMBER_ONLY = /^[\s\d,.()#]+$/;

    function persian(text) {
        return text.replace(/[0-9]/g, function (digit) {
            return DIGITS[digit];
        });
    }

    // Every text node under `root`; with `numbersOnly`, those that are a bare number.
    function rewrite(root, numbersOnly) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
            var text = node.nodeValue;
            if (numbersOnly && !NUMBER_ONLY.test(text)) {
                continue;
            }
            var shown = persian(text);
            // Only a real change: an unchanged write would wake the observer below again.
            if (shown !== text) {
                node.nodeValue = shown;
            }
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("#changelist-search .quiet, .paginator").forEach(function (el) {
            rewrite(el, false);
        });
        document.querySelectorAll("#changelist-filter li a, .inline_label").forEach(function (el) {
            rewrite(el, true);
        });
        document.querySelectorAll(".actions .action-counter, .actions .question").forEach(
            function (el) {
                rewrite(el, false);
                // actions.js writes the counter again whenever a row is ticked.
                new MutationObserver(function () {
                    rewrite(el, false);
                }).observe(el, { childList: true, characterData: true, subtree: true });
            }
        );
    });
})();
