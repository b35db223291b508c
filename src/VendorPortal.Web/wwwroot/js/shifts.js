// Capacity request answers and the shift grids: quick fills, live totals and keyboard entry.
(function () {
    "use strict";

    function fire(input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    // Request answer: one number per shift, "commit all" / "decline all" fill them, the total follows.
    var commits = Array.prototype.slice.call(document.querySelectorAll("input.vp-commit"));
    var total = document.querySelector("[data-commit-total]");
    function sumCommits() {
        if (!total) return;
        total.textContent = commits.reduce(function (sum, input) {
            var value = parseInt(input.value, 10);
            return sum + (isNaN(value) ? 0 : value);
        }, 0);
    }
    commits.forEach(function (input) { input.addEventListener("input", sumCommits); });
    document.querySelectorAll("[data-fill-answers]").forEach(function (button) {
        button.addEventListener("click", function () {
            var all = button.getAttribute("data-fill-answers") === "all";
            commits.forEach(function (input) { input.value = all ? input.getAttribute("data-headcount") : 0; });
            sumCommits();
            if (!all) {
                var message = document.getElementById("Message");
                if (message) message.focus();
            }
        });
    });
    sumCommits();

    // Keyboard grids: each row is a radio group; letters pick a choice, arrows move between rows, Ctrl+Enter saves.
    document.querySelectorAll("[data-key-grid]").forEach(function (grid) {
        var form = grid.closest("form");
        if (!form) return;
        function rows() { return Array.prototype.slice.call(grid.querySelectorAll("tr[data-key-row]")); }
        function focusRow(row) {
            var radio = row.querySelector("input[type=radio]:checked") || row.querySelector("input[type=radio]");
            if (radio) radio.focus();
        }
        function move(row, step) {
            var all = rows();
            var next = all[all.indexOf(row) + step];
            if (next) focusRow(next);
            else if (step > 0) {
                var submit = form.querySelector("button[type=submit]");
                if (submit) submit.focus();
            }
        }
        function submit() {
            if (form.requestSubmit) form.requestSubmit(); else form.submit();
        }

        form.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
            }
        });

        grid.addEventListener("keydown", function (event) {
            var row = event.target.closest("tr[data-key-row]");
            if (!row || event.ctrlKey || event.metaKey || event.altKey) return;
            if (event.target.type === "text") {
                if (event.key === "Enter") {
                    event.preventDefault();
                    move(row, 1);
                }
                return;
            }
            if (event.target.type !== "radio") return;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                move(row, event.key === "ArrowDown" ? 1 : -1);
            } else if (event.key === "Enter") {
                event.preventDefault();
                submit();
            } else if (event.key.length === 1) {
                var choice = row.querySelector("input[type=radio][data-key='" + event.key.toLowerCase() + "']");
                if (!choice) return;
                event.preventDefault();
                choice.checked = true;
                fire(choice);
                var then = choice.getAttribute("data-then") && row.querySelector(choice.getAttribute("data-then"));
                if (then) then.focus(); else move(row, 1);
            }
        });

        // A row shows its choice; a decline needs its reason.
        var summary = form.querySelector("[data-summary]");
        function refresh() {
            var confirm = 0, decline = 0;
            rows().forEach(function (row) {
                var checked = row.querySelector("input[type=radio]:checked");
                var value = checked ? checked.value : "";
                var status = row.getAttribute("data-status");
                row.classList.toggle("vp-choice-confirm", value === "Confirm" && status !== "Confirmed");
                row.classList.toggle("vp-choice-decline", value === "Decline");
                var reason = row.querySelector("input.vp-reason");
                if (reason) {
                    reason.required = value === "Decline";
                    // The reason box shows only for a decline, so Tab goes straight from one agent to the next.
                    reason.closest("[data-reason]").hidden = value !== "Decline" && !reason.value && !row.querySelector("[data-row-error]");
                }
                if (value === "Confirm" && status !== "Confirmed") confirm++;
                if (value === "Decline") decline++;
            });
            if (summary) {
                summary.textContent = confirm + decline === 0 ? "" : summary.getAttribute("data-summary").replace("{0}", confirm).replace("{1}", decline);
            }
        }
        grid.addEventListener("change", refresh);
        refresh();

        var attended = document.querySelector("[data-all-attended='" + grid.id + "']");
        if (attended) {
            attended.addEventListener("click", function () {
                rows().forEach(function (row) {
                    var yes = row.querySelector("input[type=radio][value='true']");
                    if (yes) yes.checked = true;
                });
                refresh();
            });
        }

        var problem = grid.querySelector("tr[data-key-row] [data-row-error]");
        if (problem) focusRow(problem.closest("tr"));
    });
})();
