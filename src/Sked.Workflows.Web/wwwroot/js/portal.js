// The portal's only script: the report map (Leaflet, bundled) and the receipt's print button.
// Every form works without it; the map only fills two hidden fields.
(function () {
    "use strict";

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });

    var mapElement = document.getElementById("map");
    if (!mapElement) {
        return;
    }

    var lat = document.getElementById("lat");
    var lng = document.getElementById("lng");
    var picked = document.getElementById("picked");

    function loadLeaflet(done) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = "lib/leaflet/leaflet.css";
        document.head.appendChild(css);
        var script = document.createElement("script");
        script.src = "lib/leaflet/leaflet.js";
        script.onload = done;
        document.head.appendChild(script);
    }

    loadLeaflet(function () {
        var start = lat.value && lng.value ? [parseFloat(lat.value), parseFloat(lng.value)] : [29.1, 58.35];
        var map = L.map(mapElement).setView(start, lat.value ? 15 : 8);
        L.tileLayer(mapElement.dataset.tiles, { maxZoom: 19, attribution: mapElement.dataset.attribution }).addTo(map);
        var marker = null;

        function choose(latitude, longitude) {
            lat.value = latitude.toFixed(6);
            lng.value = longitude.toFixed(6);
            if (marker) {
                marker.setLatLng([latitude, longitude]);
            } else {
                marker = L.marker([latitude, longitude], { keyboard: false }).addTo(map);
            }
            picked.textContent = "محل روی نقشه انتخاب شد.";
        }

        if (lat.value && lng.value) {
            choose(start[0], start[1]);
        }

        map.on("click", function (event) { choose(event.latlng.lat, event.latlng.lng); });

        var locate = document.getElementById("locate");
        if (locate && navigator.geolocation) {
            locate.addEventListener("click", function () {
                navigator.geolocation.getCurrentPosition(function (position) {
                    choose(position.coords.latitude, position.coords.longitude);
                    map.setView([position.coords.latitude, position.coords.longitude], 16);
                }, function () {
                    picked.textContent = "دسترسی به موقعیت ممکن نشد؛ محل را روی نقشه انتخاب کنید.";
                });
            });
        } else if (locate) {
            locate.hidden = true;
        }
    });
}());
