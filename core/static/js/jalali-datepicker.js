/* The Jalali date picker on every admin date field (class vjDateField, django-jalali's widget).
 *
 * Replaces django-jalali's admin/main.js, which fixes the format to "yy-mm-dd": the office
 * writes and reads dates as 1405/06/31, the form shows a saved date that way
 * (DATE_INPUT_FORMATS in core/formats), and the picker must read the field's value in the same
 * format to open on the saved month instead of today's. Typed dates in any digits and with "-"
 * are still accepted by the server (core/jalali_input.py).
 *
 * On a Persian page the calendar shows its days and years in Persian digits (۱…۳۰, ۱۴۰۵); what
 * it writes into the field stays in Latin digits, as the server reads it.
 */
(function () {
    "use strict";
    var $ = window.jQuery && window.jQuery.datepicker ? window.jQuery : window.django.jQuery;
    var persian = (document.documentElement.lang || "fa").indexOf("fa") === 0;
    var DIGITS = "۰۱۲۳۴۵۶۷۸۹";

    function persianDigits(text) {
        return text.replace(/[0-9]/g, function (digit) {
            return DIGITS[digit];
        });
    }

    function latinDigits(text) {
        return text.replace(/[۰-۹]/g, function (digit) {
            return String(DIGITS.indexOf(digit));
        });
    }

    // jQuery UI draws the calendar as HTML with Latin digits and has no hook for them: each
    // drawing is rewritten after the fact, text only (a year's option value stays Latin).
    function showPersianDigits() {
        var picker = $.datepicker;
        var draw = picker._updateDatepicker;
        picker._updateDatepicker = function (inst) {
            draw.apply(this, arguments);
            inst.dpDiv.find("td a, td span, .ui-datepicker-year, .ui-datepicker-year option").each(
                function () {
                    if (this.children.length === 0) {
                        this.textContent = persianDigits(this.textContent);
                    }
                }
            );
        };
        // It reads the chosen day back from the link's text: give it the Latin number.
        var selectDay = picker._selectDay;
        picker._selectDay = function (id, month, year, td) {
            $("a", td).text(function (index, text) {
                return latinDigits(text);
            });
            return selectDay.apply(this, arguments);
        };
    }

    function activate() {
        $(".vjDateField").each(function () {
            if ((this.id || "").indexOf("__prefix__") !== -1 || $(this).hasClass("hasDatepicker")) {
                return;
            }
            $(this).datepicker({
                dateFormat: "yy/mm/dd",
                changeMonth: true,
                changeYear: true,
                showOn: "both",
                buttonImageOnly: true,
                isRTL: false,
                buttonText: persian ? "انتخاب تاریخ از تقویم" : "Choose a date from the calendar",
            });
        });
    }

    if (persian) {
        showPersianDigits();
    }
    $(function () {
        activate();
        // A new inline row brings new date fields.
        $(document).on("formset:added", activate);
    });
})();
