// Z.Blazor.Diagrams measures a port's element after it changes; when a node is drawn again (undo,
// a restored node) the measurement can be asked for an element the page has already replaced,
// and the library's unguarded call would end the staff member's connection. An element that is
// gone has no size; the port is measured again when its new element renders.
(function () {
    const diagrams = window.ZBlazorDiagrams;
    if (!diagrams) {
        return;
    }

    const measure = diagrams.getBoundingClientRect;
    diagrams.getBoundingClientRect = function (element) {
        if (!element) {
            console.warn('sked designer: a port was measured after its element was replaced');
            return { left: 0, top: 0, width: 0, height: 0, right: 0, bottom: 0, x: 0, y: 0 };
        }

        return measure(element);
    };
})();
