using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Canvas;

/// <summary>Which way a flow reads on the canvas. Files store positions reading left to right; the canvas only turns them.</summary>
public enum FlowDirection
{
    /// <summary>From the right edge leftwards, as Persian is read: the default.</summary>
    RightToLeft,

    /// <summary>From the top down; parallel branches sit side by side, the first on the right.</summary>
    TopDown,

    /// <summary>As stored in the files.</summary>
    LeftToRight,
}

/// <summary>
/// Turns stored positions into view positions and back, and says where a node's ports sit. A node moved
/// on a turned canvas is stored turned back, so a file reads the same whichever way its owner looked at it.
/// </summary>
public static class FlowDirections
{
    /// <summary>A node card's width: mirrored, a card keeps its stored place with its right edge where its left edge was.</summary>
    public const double CardWidth = 220;

    // Top-down: stored columns (240 apart) become rows a card's height apart, and stored rows (150 apart)
    // become columns wider than a card.
    private const double Across = 1.7;
    private const double Along = 0.8;

    public static IReadOnlyList<FlowDirection> All { get; } = [FlowDirection.RightToLeft, FlowDirection.TopDown, FlowDirection.LeftToRight];

    public static Point ToView(this FlowDirection direction, NodePosition stored) => direction switch
    {
        FlowDirection.RightToLeft => new Point(-stored.X - CardWidth, stored.Y),
        FlowDirection.TopDown => new Point(-(stored.Y * Across) - CardWidth, stored.X * Along),
        _ => new Point(stored.X, stored.Y),
    };

    public static NodePosition ToStored(this FlowDirection direction, Point view) => direction switch
    {
        FlowDirection.RightToLeft => new NodePosition(Math.Round(-view.X - CardWidth), Math.Round(view.Y)),
        FlowDirection.TopDown => new NodePosition(Math.Round(view.Y / Along), Math.Round((-view.X - CardWidth) / Across)),
        _ => new NodePosition(Math.Round(view.X), Math.Round(view.Y)),
    };

    /// <summary>Where connections arrive on a card.</summary>
    public static PortAlignment InputSide(this FlowDirection direction) => direction switch
    {
        FlowDirection.RightToLeft => PortAlignment.Right,
        FlowDirection.TopDown => PortAlignment.Top,
        _ => PortAlignment.Left,
    };

    /// <summary>Where outcomes leave a card.</summary>
    public static PortAlignment OutputSide(this FlowDirection direction) => direction switch
    {
        FlowDirection.RightToLeft => PortAlignment.Left,
        FlowDirection.TopDown => PortAlignment.Bottom,
        _ => PortAlignment.Right,
    };

    /// <summary>The CSS class the canvas carries, so cards place their ports on the matching sides.</summary>
    public static string CssClass(this FlowDirection direction) => direction switch
    {
        FlowDirection.RightToLeft => "flow-rtl",
        FlowDirection.TopDown => "flow-ttb",
        _ => "flow-ltr",
    };
}
