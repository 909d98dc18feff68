/* The language switcher remembers the language a visitor chooses.
 * Following one of its links sets the language cookie the link carries (written by the server
 * from Django's LANGUAGE_COOKIE_* settings), so the next visit of "/" lands in that language.
 * The browser sets it rather than the response: pages come from the page cache, which must not
 * set anyone's cookie. The links stay plain links: without JavaScript they lead to the same
 * page, the choice is only not remembered.
 */
(function () {
    "use strict";
    var switcher = document.querySelector(".language-switcher");
    if (!switcher) {
        return;
    }
    function remember(event) {
        var link = event.target.closest ? event.target.closest("a[data-language-cookie]") : null;
        if (link) {
            document.cookie = link.getAttribute("data-language-cookie");
        }
    }
    switcher.addEventListener("click", remember);
    // A link opened in a new tab with the middle button is a choice too.
    switcher.addEventListener("auxclick", remember);
})();
