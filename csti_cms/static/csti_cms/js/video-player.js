/* The video block's players, loaded only when the visitor asks for them.
 * Until the click the page loads nothing from YouTube or Vimeo, so the visitor's address
 * reaches them only if they choose to play the video. The player starts at once (one click
 * plays) and is named by the editor's title, in the page's language, for screen readers.
 * Without JavaScript the placeholder stays a link to the video on the provider's site.
 * Written for older browsers too (Safari 12, Chrome 80, Firefox ESR 78): nothing newer than
 * URL and NodeList.forEach, so the button never replaces a link it cannot stand in for.
 */
(function () {
    "use strict";

    function play(placeholder) {
        var address = new URL(placeholder.dataset.playerSrc, document.baseURI);
        if (address.protocol !== "https:") {
            return;
        }
        var player = document.createElement("iframe");
        player.src = address.href;
        player.title = placeholder.dataset.playerTitle;
        player.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
        // Not replaceChildren(): Safari before 14 and Chrome before 86 lack it.
        placeholder.textContent = "";
        placeholder.appendChild(player);
        // The button is gone: keyboard users carry on from the player, not the top of the page.
        player.focus();
    }

    /* The player's shape from the block ("200 / 113"). Browsers without aspect-ratio get it
     * as a height in percent of the width, which theme.css's fallback reads. */
    function giveShape(placeholder, ratio) {
        if (window.CSS && CSS.supports && CSS.supports("aspect-ratio", "1")) {
            placeholder.style.aspectRatio = ratio;
            return;
        }
        var sides = ratio.split("/").map(parseFloat);
        if (sides.length === 2 && sides[0] > 0 && sides[1] > 0) {
            placeholder.style.setProperty("--player-height", (100 * sides[1]) / sides[0] + "%");
        }
    }

    document.querySelectorAll("[data-video-player]:not([data-video-ready])").forEach(function (placeholder) {
        // The block's template includes this script once per video: each is set up once.
        placeholder.setAttribute("data-video-ready", "");
        var link = placeholder.querySelector("a.block-video__start");
        var button = placeholder.querySelector("button.block-video__start");
        if (placeholder.dataset.playerRatio) {
            giveShape(placeholder, placeholder.dataset.playerRatio);
        }
        link.hidden = true;
        button.hidden = false;
        button.addEventListener("click", function () {
            play(placeholder);
        });
    });
})();
