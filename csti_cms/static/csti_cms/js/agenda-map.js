/* The agenda map: progressive enhancement of the agenda page.
 * The list above is the agenda; this map only shows where its events take place.
 * Without JavaScript (or Leaflet) the map section stays hidden.
 *
 * The map is at the foot of a long page, and Leaflet (its stylesheet, script, marker
 * images and tiles) weighs more than the rest of the page: on a phone it delayed the
 * list of dates. It is fetched once the map section comes within a screen of the
 * viewport, from the static addresses this script's tag gives (data-leaflet-css,
 * data-leaflet-js): the site's own files, as the Content-Security-Policy allows.
 *
 * Tiles from another server (OpenStreetMap's by default) hand it the visitor's IP address,
 * as a video player would: the map then waits for the visitor, as the video block does. The
 * page shows a "Show the map" button under a line naming the tile server, and fetches
 * neither Leaflet nor a tile before the click. The choice lasts for the browser tab
 * (sessionStorage, not a cookie: pages come from a shared cache and are the same for
 * everyone), so the next agenda page loads its map as the visitor nears it. Tiles of the
 * site's own host are never asked about: the page then has no button (decided from the
 * settings and the site's address), or this script finds the tiles on its page's host.
 */
(function () {
    "use strict";
    var script = document.currentScript;
    var section = document.querySelector("[data-agenda-map]");
    var data = document.getElementById("agenda-map-points");
    if (!script || !section || !data) {
        return;
    }
    var points = JSON.parse(data.textContent);
    if (!points.length) {
        return;
    }

    function load(element) {
        return new Promise(function (resolve, reject) {
            element.onload = resolve;
            element.onerror = reject;
            document.head.appendChild(element);
        });
    }

    function loadLeaflet() {
        var stylesheet = document.createElement("link");
        stylesheet.rel = "stylesheet";
        stylesheet.href = script.dataset.leafletCss;
        var leaflet = document.createElement("script");
        leaflet.src = script.dataset.leafletJs;
        return Promise.all([load(stylesheet), load(leaflet)]);
    }

    function hide() {
        section.hidden = true;
    }

    var canvas = section.querySelector(".agenda-map__canvas");
    var ask = section.querySelector("[data-agenda-map-ask]");

    /* Loads Leaflet and draws the map; ``then`` runs once it is drawn. */
    function start(then) {
        // A site's own agenda template may still load Leaflet itself, without the addresses.
        var loaded = window.L || !script.dataset.leafletJs ? Promise.resolve() : loadLeaflet();
        loaded.then(function () {
            if (window.L) {
                if (ask) {
                    ask.hidden = true;
                }
                canvas.hidden = false;
                showMap();
                if (then) {
                    then();
                }
            } else {
                hide();
            }
        }).catch(hide);
    }

    /* Loads the map once it comes within a screen of the viewport. */
    function startNearScreen() {
        if ("IntersectionObserver" in window) {
            var observer = new IntersectionObserver(function (entries) {
                if (entries.some(function (entry) { return entry.isIntersecting; })) {
                    observer.disconnect();
                    start();
                }
            }, { rootMargin: "100% 0px" });
            observer.observe(section);
        } else {
            start();
        }
    }

    // The visitor's yes, for this tab only, and for this tile server only: another server
    // is asked about anew. Storage refused (private modes, settings) means asking each time.
    var choice = ask && "csti-agenda-map-tiles:" + ask.dataset.tilesHost;

    function chosen() {
        try {
            return window.sessionStorage.getItem(choice) === "shown";
        } catch (error) {
            return false;
        }
    }

    function remember() {
        try {
            window.sessionStorage.setItem(choice, "shown");
        } catch (error) {
            // Asked again on the next page: nothing else depends on it.
        }
    }

    function waitForVisitor() {
        var button = ask.querySelector("button");
        var loading = false;
        button.addEventListener("click", function () {
            if (loading) {
                return;
            }
            loading = true;
            section.setAttribute("aria-busy", "true");
            remember();
            start(function () {
                section.removeAttribute("aria-busy");
                // The button is gone: keyboard users carry on from the map (Leaflet makes it
                // focusable, arrows pan it, Tab reaches its markers), not the top of the page.
                canvas.focus({ preventScroll: true });
            });
        });
    }

    // Shown at once, so the page keeps its length while the map loads; hidden again if
    // Leaflet cannot be loaded.
    section.hidden = false;
    if (ask && ask.dataset.tilesHost !== window.location.hostname && !chosen()) {
        waitForVisitor();
    } else {
        if (ask) {
            ask.hidden = true;
            canvas.hidden = false;
        }
        startNearScreen();
    }

    function showMap() {
        canvas.setAttribute("role", "region");
        canvas.setAttribute("aria-label", canvas.dataset.label);
        // Leaflet guesses its marker images' folder from its stylesheet, which fails once the
        // static files carry hashed names: the page gives their addresses instead.
        L.Icon.Default.imagePath = "";
        L.Icon.Default.mergeOptions({
            iconUrl: canvas.dataset.icon,
            iconRetinaUrl: canvas.dataset.iconRetina,
            shadowUrl: canvas.dataset.iconShadow
        });
        var map = L.map(canvas, { scrollWheelZoom: false, zoomControl: false });
        // Leaflet's own zoom buttons are titled in English only: the page gives the titles in its
        // language (they are also the buttons' accessible names).
        L.control.zoom({
            zoomInTitle: canvas.dataset.zoomInLabel,
            zoomOutTitle: canvas.dataset.zoomOutLabel
        }).addTo(map);
        L.tileLayer(canvas.dataset.tileUrl, {
            attribution: canvas.dataset.attribution,
            maxZoom: 18
        }).addTo(map);
    
        // One marker per place, listing every event held there: markers drawn on the same
        // point would hide all but the top one from the mouse.
        var bounds = [];
        points.forEach(function (point) {
            var popup = document.createElement("ul");
            point.events.forEach(function (event) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = event.url;
                link.textContent = event.title;
                item.appendChild(link);
                var details = document.createElement("p");
                details.textContent = [event.place, event.when].filter(Boolean).join(" · ");
                item.appendChild(details);
                popup.appendChild(item);
            });
            var label = point.events.map(function (event) {
                return event.title;
            }).join(" · ");
            var marker = L.marker([point.lat, point.lon], { title: label, alt: label })
                .bindPopup(popup, { maxHeight: 320 })
                .addTo(map);
            keepFocusWithPopup(marker, popup);
            bounds.push([point.lat, point.lon]);
        });
        map.fitBounds(bounds, { padding: [32, 32], maxZoom: 15 });
    }

    // Leaflet draws pop-ups after every marker: without this, a keyboard user who opens one
    // tabs through all the other markers before reaching its links. Focus goes to its first
    // link, and Escape closes it and returns to the marker (WCAG 2.4.3, 2.1.2).
    function keepFocusWithPopup(marker, popup) {
        marker.on("popupopen", function () {
            var firstLink = popup.querySelector("a");
            if (firstLink) {
                firstLink.focus({ preventScroll: true });
            }
        });
        popup.addEventListener("keydown", function (event) {
            if (event.key === "Escape") {
                event.preventDefault();
                marker.closePopup();
                marker.getElement().focus();
            }
        });
    }
})();
