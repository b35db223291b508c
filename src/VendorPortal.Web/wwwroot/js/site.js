(function () {
    "use strict";

    document.addEventListener("submit", function (event) {
        var form = event.target;
        var message = form.getAttribute && form.getAttribute("data-confirm");
        if (message && !window.confirm(message)) event.preventDefault();
    });

    function syncVendor(select) {
        var target = document.getElementById(select.getAttribute("data-vendor-toggle"));
        if (!target) return;
        var isVendor = select.value === "VendorManager";
        target.hidden = !isVendor;
        var vendor = target.querySelector("select");
        if (vendor) vendor.disabled = !isVendor;
    }
    document.querySelectorAll("select[data-vendor-toggle]").forEach(function (select) {
        syncVendor(select);
        select.addEventListener("change", function () { syncVendor(select); });
    });

    // A table wider (or taller) than its box scrolls: keyboard users reach it with Tab and scroll it with the arrow keys.
    function focusScrollers() {
        document.querySelectorAll(".table-card, .table-responsive, .vp-scroll-table, .vp-calendar-scroll, .vp-error-list, .vp-checklist").forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
            if (scrolls && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
            else if (!scrolls && box.getAttribute("tabindex") === "0" && box.hasAttribute("data-scroll-focus")) box.removeAttribute("tabindex");
            if (scrolls) box.setAttribute("data-scroll-focus", "");
        });
    }
    focusScrollers();
    window.addEventListener("resize", focusScrollers);

    // A table that folds into cards on a phone: each cell is labelled with its column's heading (unless the page
    // labels it), and the table roles are set explicitly because a table shown as blocks loses them in some browsers.
    document.querySelectorAll("table.vp-stack").forEach(function (table) {
        var headings = Array.prototype.map.call(table.querySelectorAll(":scope > thead > tr:last-child > th"), function (th) {
            return th.textContent.trim();
        });
        table.setAttribute("role", "table");
        table.querySelectorAll(":scope > thead, :scope > tbody, :scope > tfoot").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
        table.querySelectorAll(":scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr").forEach(function (row) {
            row.setAttribute("role", "row");
            var column = 0;
            Array.prototype.forEach.call(row.children, function (cell) {
                var inHead = row.parentElement.tagName === "THEAD";
                cell.setAttribute("role", cell.tagName === "TD" ? "cell" : inHead ? "columnheader" : "rowheader");
                if (!inHead && (cell.tagName === "TD" || row.parentElement.tagName === "TFOOT") && cell.colSpan === 1 && !cell.hasAttribute("data-label") && headings[column]) {
                    cell.setAttribute("data-label", headings[column]);
                }
                column += cell.colSpan || 1;
            });
        });
    });

    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
    });

    function checkboxes(listId, visibleOnly) {
        var list = document.getElementById(listId);
        if (!list) return [];
        return Array.prototype.filter.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
            return !visibleOnly || !box.closest("[data-filter-text]").hidden;
        });
    }

    function countSelected(listId) {
        document.querySelectorAll("[data-selected-count='" + listId + "']").forEach(function (counter) {
            counter.textContent = checkboxes(listId, false).filter(function (box) { return box.checked; }).length;
        });
    }

    document.querySelectorAll("input[data-filter-list]").forEach(function (input) {
        var listId = input.getAttribute("data-filter-list");
        input.addEventListener("input", function () {
            var words = input.value.trim().toLowerCase();
            document.querySelectorAll("#" + listId + " [data-filter-text]").forEach(function (item) {
                item.hidden = words.length > 0 && item.getAttribute("data-filter-text").toLowerCase().indexOf(words) < 0;
            });
        });
    });

    document.querySelectorAll("input[data-select-all]").forEach(function (all) {
        var listId = all.getAttribute("data-select-all");
        all.addEventListener("change", function () {
            checkboxes(listId, true).forEach(function (box) { box.checked = all.checked; });
            countSelected(listId);
        });
        var list = document.getElementById(listId);
        if (list) list.addEventListener("change", function () { countSelected(listId); });
        countSelected(listId);
    });

    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        var tooLarge = document.getElementById(input.getAttribute("data-too-large"));
        input.addEventListener("change", function () { if (tooLarge) tooLarge.hidden = true; });
        input.form.addEventListener("submit", function (event) {
            var file = input.files && input.files[0];
            if (file && file.size > Number(input.getAttribute("data-max-bytes"))) {
                event.preventDefault();
                if (tooLarge) tooLarge.hidden = false;
            }
        });
    });

    document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
        input.addEventListener("focus", function () { input.select(); });
    });

    document.querySelectorAll("[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
            var source = document.getElementById(button.getAttribute("data-copy"));
            if (!source || !navigator.clipboard) return;
            navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                var done = button.getAttribute("data-copied");
                if (done) button.textContent = done;
            });
        });
    });

    // A secret shown only when asked for: the button says whether it is shown (aria-expanded) and what it does next.
    document.querySelectorAll("[data-reveal]").forEach(function (button) {
        var target = document.getElementById(button.getAttribute("data-reveal"));
        if (!target) return;
        button.addEventListener("click", function () {
            var show = target.hidden;
            target.hidden = !show;
            button.setAttribute("aria-expanded", show ? "true" : "false");
            button.textContent = button.getAttribute(show ? "data-hide-text" : "data-show-text");
        });
    });

    // A field that matters for one choice only (e.g. patience for Erlang A): hidden and not posted otherwise.
    document.querySelectorAll("select[data-show-target]").forEach(function (select) {
        var target = document.getElementById(select.getAttribute("data-show-target"));
        if (!target) return;
        function sync() {
            var show = select.value === select.getAttribute("data-show-when");
            target.hidden = !show;
            target.querySelectorAll("input, select, textarea").forEach(function (field) { field.disabled = !show; });
        }
        sync();
        select.addEventListener("change", sync);
    });
})();
