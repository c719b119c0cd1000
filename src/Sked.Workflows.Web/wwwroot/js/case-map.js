// The task page's map of a public report (Leaflet, bundled; tiles from the configured server).
// The page already shows the coordinates and the address in text; when no tile arrives (no server,
// no network) the map says so and the text is what staff use.
let leaflet = null;

function loadLeaflet() {
    if (window.L) {
        return Promise.resolve(window.L);
    }

    if (!leaflet) {
        leaflet = new Promise(function (resolve, reject) {
            const css = document.createElement("link");
            css.rel = "stylesheet";
            css.href = "/lib/leaflet/leaflet.css";
            document.head.appendChild(css);
            const script = document.createElement("script");
            script.src = "/lib/leaflet/leaflet.js";
            script.onload = function () { resolve(window.L); };
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }

    return leaflet;
}

export async function show(element, latitude, longitude, tiles, attribution, unavailable) {
    function fail() {
        element.dataset.tiles = "failed";
        unavailable.hidden = false;
    }

    let L;
    try {
        L = await loadLeaflet();
    } catch {
        fail();
        return;
    }

    L.Icon.Default.imagePath = "/lib/leaflet/images/";
    const map = L.map(element, { scrollWheelZoom: false }).setView([latitude, longitude], 16);
    const layer = L.tileLayer(tiles, { maxZoom: 19, attribution: attribution }).addTo(map);
    L.marker([latitude, longitude], { keyboard: false }).addTo(map);
    let loaded = false;
    layer.on("tileload", function () {
        loaded = true;
        element.dataset.tiles = "loaded";
        unavailable.hidden = true;
    });
    layer.on("tileerror", function () {
        if (!loaded) {
            fail();
        }
    });
    // A server that never answers gives no error either.
    setTimeout(function () {
        if (!loaded) {
            fail();
        }
    }, 6000);
}
