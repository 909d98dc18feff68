/* The agenda map: progressive enhancement of the agenda page.
 * The list above is the agenda; this map only shows where its events take place.
 * Without JavaScript (or Leaflet) the map section stays hidden.
 */
(function () {
    "use strict";
    var section = document.querySelector("[data-agenda-map]");
    var data = document.getElementById("agenda-map-points");
    if (!section || !data || !window.L) {
        return;
    }
    var points = JSON.parse(data.textContent);
    if (!points.length) {
        return;
    }
    section.hidden = false;
    var canvas = section.querySelector(".agenda-map__canvas");
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
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(canvas.dataset.tileUrl, {
        attribution: canvas.dataset.attribution,
        maxZoom: 18
    }).addTo(map);

    var bounds = [];
    points.forEach(function (point) {
        var popup = document.createElement("div");
        var link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.title;
        popup.appendChild(link);
        var details = document.createElement("p");
        details.textContent = [point.place, point.when].filter(Boolean).join(" · ");
        popup.appendChild(details);
        L.marker([point.lat, point.lon], { title: point.title, alt: point.title })
            .bindPopup(popup)
            .addTo(map);
        bounds.push([point.lat, point.lon]);
    });
    map.fitBounds(bounds, { padding: [32, 32], maxZoom: 15 });
})();
