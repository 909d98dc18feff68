/* The phone menu: progressive enhancement of the header's <details> disclosure.
 * A native disclosure does not close on Escape, which keyboard users expect of anything
 * they have just opened. Without JavaScript the menu still opens and closes with its button.
 */
(function () {
    "use strict";
    var menu = document.querySelector(".site-menu");
    if (!menu) {
        return;
    }
    var summary = menu.querySelector("summary");
    menu.addEventListener("keydown", function (event) {
        // On wide screens the menu's content shows while it is closed: Escape stays the
        // search field's own (clearing it), and focus stays where it is.
        if (event.key !== "Escape" || !menu.open) {
            return;
        }
        menu.open = false;
        summary.focus();
        event.preventDefault();
    });
})();
