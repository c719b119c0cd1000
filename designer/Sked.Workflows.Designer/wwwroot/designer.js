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

// The arrow keys walk from card to card on a focused canvas (WorkflowCanvas); they must not also scroll the page.
document.addEventListener('keydown', function (e) {
    if (e.key && e.key.indexOf('Arrow') === 0 && e.target && e.target.closest && e.target.closest('.sked-canvas')) {
        e.preventDefault();
    }
});

// Drawings wider than their box (the auditor's case diagram): scroll the box, and only the box, so the
// element the reader needs (the end of a case's path) is in the middle of it.
window.skedDiagrams = {
    reveal: function (box, selector) {
        const target = box && box.querySelector(selector);
        if (!target) {
            return;
        }

        const boxRect = box.getBoundingClientRect();
        const rect = target.getBoundingClientRect();
        box.scrollLeft += (rect.left + rect.width / 2) - (boxRect.left + boxRect.width / 2);
        box.scrollTop += (rect.top + rect.height / 2) - (boxRect.top + boxRect.height / 2);
    }
};
