using Blazor.Diagrams.Core.Geometry;

namespace Sked.Workflows.Designer.Canvas;

/// <summary>
/// The arrow keys on the canvas: from the selected card to the nearest card that way on screen, so a
/// process owner can walk the flow without a mouse whichever way it reads.
/// </summary>
public static class KeyboardNavigation
{
    /// <summary>The step an arrow key means on screen, or null for any other key.</summary>
    public static (int X, int Y)? Step(string key) => key switch
    {
        "ArrowLeft" => (-1, 0),
        "ArrowRight" => (1, 0),
        "ArrowUp" => (0, -1),
        "ArrowDown" => (0, 1),
        _ => null,
    };

    /// <summary>
    /// The card whose centre lies that way from <paramref name="from"/> (within 60° either side), nearest
    /// along the way first and then across it; null at the edge of the flow.
    /// </summary>
    public static string? Next(IReadOnlyDictionary<string, Point> centres, string from, (int X, int Y) step)
    {
        var origin = centres[from];
        return centres
            .Where(c => c.Key != from)
            .Select(c => (c.Key, Along: ((c.Value.X - origin.X) * step.X) + ((c.Value.Y - origin.Y) * step.Y),
                Across: Math.Abs(((c.Value.X - origin.X) * step.Y) + ((c.Value.Y - origin.Y) * step.X))))
            .Where(c => c.Along > 1 && c.Across <= c.Along * 1.75)
            .OrderBy(c => c.Along + (2 * c.Across))
            .Select(c => c.Key)
            .FirstOrDefault();
    }
}
