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

    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
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
})();
