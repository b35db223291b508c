// The capacity request form's shift plan: add and remove rows, add consecutive shifts in one go, and keep the
// row names numbered 0..n-1 so the server binds them in the order shown.
(function () {
    "use strict";

    var rows = document.getElementById("shift-rows");
    var template = document.getElementById("shift-row-template");
    if (!rows || !template) return;
    var plan = document.getElementById("shift-plan");
    var summary = document.getElementById("shift-summary");
    var eventSelect = document.getElementById("Input_EventId");

    function pad(n) { return (n < 10 ? "0" : "") + n; }

    // Wall-clock arithmetic on "yyyy-MM-ddTHH:mm" in UTC, so the browser's own zone never shifts the tenant's times.
    function parse(value) {
        var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
        return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : null;
    }

    function format(ms) {
        var d = new Date(ms);
        return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + "T" + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
    }

    function allRows() { return Array.prototype.slice.call(rows.querySelectorAll("tr.vp-shift-row")); }

    function field(row, name) { return row.querySelector("[data-field='" + name + "']"); }

    function isBlank(row) {
        return !field(row, "StartsAtLocal").value && !field(row, "EndsAtLocal").value && !field(row, "Headcount").value;
    }

    function renumber() {
        var agents = 0, hours = 0, count = 0;
        allRows().forEach(function (row, i) {
            row.setAttribute("data-row", i);
            row.querySelector(".vp-row-number").textContent = i + 1;
            row.querySelectorAll("[data-field]").forEach(function (input) {
                input.name = "Input.Shifts[" + i + "]." + input.getAttribute("data-field");
            });
            var start = parse(field(row, "StartsAtLocal").value), end = parse(field(row, "EndsAtLocal").value);
            var headcount = parseInt(field(row, "Headcount").value, 10) || 0;
            if (start !== null || end !== null || headcount > 0) count++;
            agents += headcount;
            if (start !== null && end !== null && end > start) hours += headcount * (end - start) / 3600000;
        });
        if (summary && plan) {
            summary.textContent = plan.getAttribute("data-summary")
                .replace("{0}", count).replace("{1}", agents).replace("{2}", Math.round(hours * 10) / 10);
        }
    }

    function addRow(start, end, headcount) {
        var row = template.content.firstElementChild.cloneNode(true);
        if (start) field(row, "StartsAtLocal").value = start;
        if (end) field(row, "EndsAtLocal").value = end;
        if (headcount) field(row, "Headcount").value = headcount;
        rows.appendChild(row);
        return row;
    }

    rows.addEventListener("click", function (event) {
        var button = event.target.closest(".vp-remove-shift");
        if (!button) return;
        button.closest("tr").remove();
        renumber();
    });
    rows.addEventListener("input", function (event) {
        var row = event.target.closest("tr");
        if (row) row.removeAttribute("data-suggested");
        renumber();
    });

    document.getElementById("add-shift").addEventListener("click", function () {
        // A new row continues where the last one ends, with the same length and headcount.
        var last = allRows().pop();
        var start = null, end = null, headcount = "";
        if (last) {
            var s = parse(field(last, "StartsAtLocal").value), e = parse(field(last, "EndsAtLocal").value);
            if (s !== null && e !== null && e > s) { start = format(e); end = format(e + (e - s)); }
            headcount = field(last, "Headcount").value;
        }
        var row = addRow(start, end, headcount);
        renumber();
        field(row, "StartsAtLocal").focus();
    });

    document.getElementById("clear-shifts").addEventListener("click", function () {
        allRows().forEach(function (row) { row.remove(); });
        renumber();
    });

    var helperStart = document.getElementById("helper-start");
    var helperCount = document.getElementById("helper-count");
    var helperHours = document.getElementById("helper-hours");
    var helperHeadcount = document.getElementById("helper-headcount");

    document.getElementById("helper-add").addEventListener("click", function () {
        var start = parse(helperStart.value);
        var count = parseInt(helperCount.value, 10), hours = parseInt(helperHours.value, 10);
        if (start === null) { helperStart.focus(); return; }
        if (!(count >= 1 && count <= 200)) { helperCount.focus(); return; }
        if (!(hours >= 1 && hours <= 12)) { helperHours.focus(); return; }
        allRows().filter(function (row) { return isBlank(row) || row.hasAttribute("data-suggested"); })
            .forEach(function (row) { row.remove(); });
        var length = hours * 3600000;
        for (var i = 0; i < count; i++) addRow(format(start + i * length), format(start + (i + 1) * length), helperHeadcount.value);
        helperStart.value = format(start + count * length);
        renumber();
    });

    function chosenEvent() {
        var option = eventSelect && eventSelect.options[eventSelect.selectedIndex];
        return option && option.getAttribute("data-start") ? option : null;
    }

    document.getElementById("helper-event").addEventListener("click", function () {
        var option = chosenEvent();
        if (!option) { if (eventSelect) eventSelect.focus(); return; }
        var hours = parseInt(helperHours.value, 10);
        if (!(hours >= 1 && hours <= 12)) { hours = 8; helperHours.value = hours; }
        helperStart.value = option.getAttribute("data-start") + "T00:00";
        helperCount.value = Math.min(200, Math.floor(parseInt(option.getAttribute("data-days"), 10) * 24 / hours));
    });

    if (eventSelect) {
        eventSelect.addEventListener("change", function () {
            var option = chosenEvent();
            if (option) helperStart.value = option.getAttribute("data-start") + "T00:00";
        });
    }

    renumber();
})();
