using Microsoft.AspNetCore.Components;

namespace Sked.Workflows.Designer.Canvas;

/// <summary>
/// How a node type looks wherever the designer draws it (canvas card, palette, overview): an icon and
/// an accent colour. The engine's catalogue says what a type is; this says only how it is shown.
/// </summary>
public sealed record NodeLook(string Accent, string IconPaths)
{
    private static readonly NodeLook Unknown = new("#c62828",
        """<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 1-1 1.7M12 17h.01"/>""");

    // Icons drawn for this designer on a 24-unit grid, in strokes of the accent colour.
    private static readonly Dictionary<string, NodeLook> Looks = new(StringComparer.Ordinal)
    {
        ["start"] = new("#2e7d32", """<circle cx="12" cy="12" r="9"/><path d="M10 8l6 4-6 4z" fill="currentColor"/>"""),
        ["end"] = new("#455a64", """<circle cx="12" cy="12" r="9"/><rect x="8.5" y="8.5" width="7" height="7" fill="currentColor"/>"""),
        ["intake"] = new("#00838f", """<path d="M4 13l3-8h10l3 8v6H4z"/><path d="M4 13h5l1 2h4l1-2h5"/>"""),
        ["notify"] = new("#6a1b9a", """<path d="M4 5h16v11H10l-5 4v-4H4z"/><path d="M8 9h8M8 12h5"/>"""),
        ["humanTask"] = new("#1565c0", """<circle cx="12" cy="8" r="4"/><path d="M4 21c1-5 4.5-7 8-7s7 2 8 7"/>"""),
        ["autoRoute"] = new("#ef6c00", """<path d="M3 12h6l5-6h6M9 12l5 6h6"/><path d="M17 3l3 3-3 3M17 15l3 3-3 3"/>"""),
        ["decision"] = new("#ef6c00", """<path d="M12 3l9 9-9 9-9-9z"/><path d="M10.3 10a1.9 1.9 0 1 1 2.6 1.8c-.6.3-.9.7-.9 1.3M12 15.5h.01"/>"""),
        ["awaitReply"] = new("#00897b", """<path d="M7 3h10M7 21h10M8 3v3l4 6-4 6v3M16 3v3l-4 6 4 6v3"/>"""),
        ["timer"] = new("#00897b", """<circle cx="12" cy="13" r="8"/><path d="M12 9v4l3 2M9 2h6"/>"""),
        ["publishAnswer"] = new("#283593", """<path d="M3 10v4h4l9 5V5L7 10z"/><path d="M19 9a4 4 0 0 1 0 6"/>"""),
        ["setStatus"] = new("#5d4037", """<path d="M6 21V4M6 4h11l-2 4 2 4H6"/>"""),
        ["promoteToFaq"] = new("#827717", """<path d="M3 5h7a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H3zM21 5h-7a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h7z"/>"""),
    };

    /// <summary>The look of a node type; an unknown type gets a question mark in red.</summary>
    public static NodeLook Of(string? type) => type is not null && Looks.TryGetValue(type, out var look) ? look : Unknown;

    /// <summary>The icon as inline SVG, decorative (the type's name is written beside it).</summary>
    public MarkupString Icon(int size = 22) => new(
        $"""<svg class="sked-node-icon" width="{size}" height="{size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">{IconPaths}</svg>""");
}
