/* The receipt's "Print this page" button, after a booking or quote request.
 * The receipt is kept for an hour only and is the sender's only copy, so printing it should take
 * one press, not a browser menu. The button is hidden in the page and shown here: without
 * JavaScript it could not print, and the browser's own menu still does. An external file, not an
 * inline handler: the site's Content-Security-Policy runs scripts of its own origin only.
 */
(function () {
    "use strict";
    var buttons = document.querySelectorAll("[data-print-page]");
    if (!buttons.length || typeof window.print !== "function") {
        return;
    }
    Array.prototype.forEach.call(buttons, function (button) {
        button.addEventListener("click", function () {
            window.print();
        });
        button.hidden = false;
    });
})();
