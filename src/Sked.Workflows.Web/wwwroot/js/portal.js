// The portal's only script: the report map (Leaflet, bundled), the receipt's print button and the
// FAQ answers shown while a citizen types a subject. Every form works without it; the map only fills
// two hidden fields, and without it the answers appear after a first submit instead.
(function () {
    "use strict";

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });

    suggestAnswers();
    countCharacters();
    namePhotos();

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
        var tiles = L.tileLayer(mapElement.dataset.tiles, { maxZoom: 19, attribution: mapElement.dataset.attribution }).addTo(map);
        // Tiles come from a server we may not reach; then say so, and the address field does the work.
        var tileLoaded = false;
        var unavailable = document.getElementById("map-unavailable");
        tiles.on("tileload", function () { tileLoaded = true; if (unavailable) { unavailable.hidden = true; } });
        tiles.on("tileerror", function () { if (!tileLoaded && unavailable) { unavailable.hidden = false; } });
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

    // As the subject is typed, up to three published answers that the system holds to ask the same
    // question; "answered" is counted without leaving the form.
    function suggestAnswers() {
        var section = document.getElementById("faq-suggestions");
        var subject = document.getElementById("subject");
        var deflected = document.getElementById("faq-deflected");
        if (!section || !subject) {
            return;
        }

        var list = section.querySelector("ul");
        var timer = null;
        var asked = subject.value.trim();

        function thank(button) {
            var thanks = document.createElement("p");
            thanks.className = "faq-thanks";
            thanks.textContent = section.dataset.thanks;
            button.replaceWith(thanks);
        }

        section.addEventListener("click", function (event) {
            var button = event.target.closest("button.faq-helpful");
            if (!button) {
                return;
            }

            event.preventDefault();
            fetch("/api/v1/faq/" + encodeURIComponent(button.dataset.faq) + "/helpful", { method: "POST", credentials: "same-origin" })
                .then(function () { thank(button); }, function () { thank(button); });
        });

        function show(matches) {
            list.replaceChildren();
            matches.forEach(function (match) {
                var item = document.createElement("li");
                var question = document.createElement("p");
                question.className = "faq-question";
                question.textContent = match.question;
                var answer = document.createElement("p");
                answer.className = "faq-answer";
                answer.textContent = match.answer;
                var button = document.createElement("button");
                button.type = "button";
                button.className = "faq-helpful";
                button.dataset.faq = match.id;
                button.textContent = section.dataset.helpfulLabel;
                item.append(question, answer, button);
                list.appendChild(item);
            });
            section.hidden = matches.length === 0;
            if (matches.length > 0 && deflected) {
                deflected.value = "1";
            }
        }

        function ask() {
            var text = subject.value.trim();
            if (text === asked) {
                return;
            }

            asked = text;
            if (text.length < 3) {
                show([]);
                return;
            }

            fetch(section.dataset.similar + "?limit=" + section.dataset.limit + "&q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (matches) {
                    if (subject.value.trim() === text) {
                        show(matches.filter(function (m) { return m.sameQuestion; }));
                    }
                }, function () { /* Suggestions are a help, not a step: the form still works. */ });
        }

        subject.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, 400);
        });
    }

    // A number as the catalogue writes it: Persian digits, grouped with the Arabic thousands separator.
    function persianNumber(value) {
        return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, "\u066C").replace(/[0-9]/g, function (d) {
            return String.fromCharCode(0x06F0 + (d.charCodeAt(0) - 48));
        });
    }

    function fill(template, values) {
        return template.replace(/\{(\d)\}/g, function (_, i) { return values[Number(i)]; });
    }

    // "n of max characters" under the subject and the body, as one types; over the limit it says by how
    // much (the server refuses such a text in Persian too; nothing is cut).
    function countCharacters() {
        document.querySelectorAll("[data-counter]").forEach(function (counter) {
            var field = document.getElementById(counter.dataset.counter);
            var max = Number(counter.dataset.max);
            if (!field) {
                return;
            }

            function update() {
                var length = field.value.length;
                var over = length > max;
                counter.classList.toggle("over", over);
                counter.textContent = over
                    ? fill(counter.dataset.over, [persianNumber(length), persianNumber(max), persianNumber(length - max)])
                    : fill(counter.dataset.template, [persianNumber(length), persianNumber(max)]);
            }

            field.addEventListener("input", update);
            update();
        });
    }

    // Our Persian file button cannot show what was chosen by itself: say it beside the button.
    function namePhotos() {
        var input = document.getElementById("photos");
        var chosen = document.getElementById("photos-chosen");
        if (!input || !chosen) {
            return;
        }

        input.addEventListener("change", function () {
            var names = Array.prototype.map.call(input.files, function (file) { return file.name; });
            chosen.textContent = names.length === 0
                ? chosen.dataset.none
                : fill(chosen.dataset.chosen, [persianNumber(names.length), names.join("، ")]);
        });
    }
}());
