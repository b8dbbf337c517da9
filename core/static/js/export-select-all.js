/* The "Select all" box of django-import-export's export page (templates/admin/import_export/
 * export.html), without the package's inline onchange handler, which the admin's
 * Content-Security-Policy blocks.
 *
 * Each resource has its own box (data-resource-index); it ticks or clears that resource's
 * column boxes. Ticking or clearing a column box sets the "Select all" box to match: ticked
 * when every column is, clear when none is, and half-ticked (indeterminate) in between.
 */
(function () {
    "use strict";

    function columnBoxes(index) {
        return document.querySelectorAll(
            '.selectable-field-export-row[resource-index="' + index + '"] ' +
                'input[type="checkbox"]:not(.select-toggle)'
        );
    }

    function reflect(toggle) {
        var boxes = Array.prototype.slice.call(columnBoxes(toggle.dataset.resourceIndex));
        var ticked = boxes.filter(function (box) {
            return box.checked;
        }).length;
        toggle.checked = boxes.length > 0 && ticked === boxes.length;
        toggle.indeterminate = ticked > 0 && ticked < boxes.length;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var toggles = document.querySelectorAll("input.select-toggle[data-resource-index]");
        toggles.forEach(function (toggle) {
            toggle.addEventListener("change", function () {
                columnBoxes(toggle.dataset.resourceIndex).forEach(function (box) {
                    box.checked = toggle.checked;
                });
                toggle.indeterminate = false;
            });
            columnBoxes(toggle.dataset.resourceIndex).forEach(function (box) {
                box.addEventListener("change", function () {
                    reflect(toggle);
                });
            });
            reflect(toggle);
        });
    });
})();
