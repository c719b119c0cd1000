using Blazor.Diagrams.Core.Geometry;
using Bunit;
using MudBlazor.Services;
using Sked.Workflows.Designer;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Web.Tests.Designer;

/// <summary>The designer shows what the engine's validator says, and draws every node with its type.</summary>
public sealed class DesignerComponentTests : BunitContext
{
    public DesignerComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The canvas asks the browser for its size before it draws.
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 560));
    }

    private static WorkflowDefinition WithUnknownType() => new()
    {
        Id = "complaint",
        Name = "شکایت",
        Nodes =
        [
            new NodeDefinition { Id = "start", Type = "start", Position = new NodePosition(40, 40) },
            new NodeDefinition { Id = "mystery", Type = "teleport", Label = "جابه‌جایی", Position = new NodePosition(280, 40) },
            new NodeDefinition { Id = "end", Type = "end", Position = new NodePosition(520, 40) },
        ],
        Connections =
        [
            new Connection { From = "start", To = "mystery" },
            new Connection { From = "mystery", To = "end" },
        ],
    };

    [Fact]
    public void ValidationList_NamesTheNodeWithAnUnknownType()
    {
        var list = Render<ValidationList>(p => p.Add(v => v.Definition, WithUnknownType()));

        var errors = list.FindAll(".sked-validation-error");
        var unknown = Assert.Single(errors, e => e.TextContent.Contains("unknown node type 'teleport'", StringComparison.Ordinal));
        Assert.Equal("mystery", unknown.QuerySelector(".sked-validation-node")!.TextContent);
    }

    [Fact]
    public void WorkflowCanvas_DrawsEveryNodeWithItsTypeAndEveryConnection()
    {
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Definition, WithUnknownType()));

        Assert.Equal(3, canvas.Instance.Diagram!.Nodes.Count);
        Assert.Equal(2, canvas.Instance.Diagram.Links.Count);
        Assert.Contains("پایان", canvas.Markup, StringComparison.Ordinal);
        Assert.Contains("جابه‌جایی", canvas.Markup, StringComparison.Ordinal);
        Assert.Single(canvas.FindAll(".sked-node.unknown"));
    }
}
