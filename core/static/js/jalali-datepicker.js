/* The Jalali date picker on every admin date field (class vjDateField, django-jalali's widget).
 *
 * Replaces django-jalali's admin/main.js, which fixes the format to "yy-mm-dd": the office
 * writes and reads dates as 1405/06/31, the form shows a saved date that way
 * (DATE_INPUT_FORMATS in core/formats), and the picker must read the field's value in the same
 * format to open on the saved month instead of today's. Typed dates in any digits and with "-"
 * are still accepted by the server (core/jalali_input.py).
 */
(function () {
    "use strict";
    var $ = window.jQuery && window.jQuery.datepicker ? window.jQuery : window.django.jQuery;
    var persian = (document.documentElement.lang || "fa").indexOf("fa") === 0;

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

    $(function () {
        activate();
        // A new inline row brings new date fields.
        $(document).on("formset:added", activate);
    });
})();
