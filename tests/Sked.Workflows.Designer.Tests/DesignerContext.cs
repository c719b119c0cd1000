using Blazor.Diagrams.Core.Geometry;
using Bunit;

namespace Sked.Workflows.Designer.Tests;

/// <summary>A bunit context the designer's components render in.</summary>
public abstract class DesignerContext : BunitContext
{
    protected DesignerContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The canvas asks the browser for its size before it draws.
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 560));
    }
}
