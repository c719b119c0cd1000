using Blazor.Diagrams.Core.Models;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Sked.Workflows.Designer.Canvas;
using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Tests;

/// <summary>How the canvas presents a flow to a process owner: reading direction, cards, Persian outcomes, overview, keys.</summary>
public sealed class CanvasPresentationTests : DesignerContext
{
    private readonly DesignerDocument _document = new(ShippedDefinitions.Load("complaint"));

    private IRenderedComponent<WorkflowCanvas> Canvas(FlowDirection direction = FlowDirection.RightToLeft, Action<string?>? selected = null) =>
        Render<WorkflowCanvas>(p => p
            .Add(c => c.Document, _document)
            .Add(c => c.Direction, direction)
            .Add(c => c.SelectedNodeIdChanged, id => selected?.Invoke(id)));

    private static WorkflowNodeModel Model(IRenderedComponent<WorkflowCanvas> canvas, string id) =>
        canvas.Instance.Diagram.Nodes.OfType<WorkflowNodeModel>().Single(n => n.Id == id);

    [Fact]
    public void EveryNodeTypeOfTheEngine_HasAnIconOfItsOwn()
    {
        var unknown = NodeLook.Of("teleport");

        Assert.All(NodeCatalogue.All, type => Assert.NotEqual(unknown, NodeLook.Of(type.Name)));
        Assert.Equal(NodeCatalogue.All.Count, NodeCatalogue.All.Select(t => NodeLook.Of(t.Name).IconPaths).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(FlowDirection.RightToLeft)]
    [InlineData(FlowDirection.TopDown)]
    [InlineData(FlowDirection.LeftToRight)]
    public void AStoredPosition_TurnedIntoTheViewAndBack_IsTheSame(FlowDirection direction)
    {
        var stored = new NodePosition(1240, 400);

        Assert.Equal(stored, direction.ToStored(direction.ToView(stored)));
    }

    [Fact]
    public void RightToLeft_TheFlowStartsOnTheRight_AndEntersEachCardFromItsRight()
    {
        var canvas = Canvas();

        Assert.True(Model(canvas, "start").Position.X > Model(canvas, "intake").Position.X);
        Assert.Equal(PortAlignment.Right, Model(canvas, "intake").Input.Alignment);
        Assert.All(Model(canvas, "edesk-review").OutcomePorts, p => Assert.Equal(PortAlignment.Left, p.Alignment));
        Assert.Equal("RightToLeft", canvas.Find(".sked-canvas").GetAttribute("data-direction"));
    }

    [Fact]
    public void TopDown_TheFlowRunsDown_AndOutcomesLeaveFromTheBottom()
    {
        var canvas = Canvas(FlowDirection.TopDown);

        Assert.True(Model(canvas, "start").Position.Y < Model(canvas, "intake").Position.Y);
        Assert.Equal(PortAlignment.Top, Model(canvas, "intake").Input.Alignment);
        Assert.All(Model(canvas, "edesk-review").OutcomePorts, p => Assert.Equal(PortAlignment.Bottom, p.Alignment));
        // The stored positions are the file's, whichever way the owner looks.
        Assert.Equal(new NodePosition(280, 240), _document.Node("intake")!.Position);
    }

    [Fact]
    public void Cards_ShowTheirTypesIcon_AndOutcomesInPersian()
    {
        var canvas = Canvas();

        Assert.Equal(_document.Nodes.Count, canvas.FindAll(".sked-node .sked-node-icon").Count);
        Assert.Equal("ارجاع به واحد", canvas.Find(".sked-node[data-node-id=edesk-review] [data-outcome=route] .sked-outcome-label").TextContent);
        Assert.Equal("شهروند پاسخ داد", canvas.Find(".sked-node[data-node-id=await-reply] [data-outcome=replied] .sked-outcome-label").TextContent);
        Assert.Equal("بعدی", canvas.Find(".sked-node[data-node-id=intake] [data-outcome=next] .sked-outcome-label").TextContent);
    }

    [Fact]
    public void TheOverview_DrawsEveryCard()
    {
        var canvas = Canvas();

        canvas.WaitForAssertion(() => Assert.Equal(_document.Nodes.Count, canvas.FindAll(".sked-overview .sked-overview-node").Count));
        Assert.Single(canvas.FindAll(".sked-overview .sked-overview-view"));
    }

    [Fact]
    public async Task ArrowKeys_WalkFromCardToCard_TheWayTheFlowReads()
    {
        string? selected = null;
        var canvas = Canvas(selected: id => selected = id);
        var surface = canvas.Find(".sked-canvas");

        await surface.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        canvas.WaitForAssertion(() => Assert.Equal("start", selected));
        canvas.Render(p => p.Add(c => c.SelectedNodeId, selected));
        await canvas.Find(".sked-canvas").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        canvas.WaitForAssertion(() => Assert.Equal("intake", selected));
        canvas.Render(p => p.Add(c => c.SelectedNodeId, selected));
        await canvas.Find(".sked-canvas").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        canvas.WaitForAssertion(() => Assert.Equal("start", selected));
    }

    [Fact]
    public async Task TheEditorsDirectionButtons_TurnTheCanvas()
    {
        var editor = Render<WorkflowEditor>(p => p.Add(e => e.Document, _document).Add(e => e.Departments, ShippedDefinitions.Departments));
        Assert.Equal("RightToLeft", editor.Find(".sked-canvas").GetAttribute("data-direction"));

        await editor.Find(".sked-direction button[data-direction=TopDown]").ClickAsync(new MouseEventArgs());

        Assert.Equal("TopDown", editor.Find(".sked-canvas").GetAttribute("data-direction"));
        Assert.Equal("true", editor.Find(".sked-direction button[data-direction=TopDown]").GetAttribute("aria-pressed"));
        Assert.Equal(_document.Nodes.Count, editor.FindAll(".sked-node").Count);
    }

    [Fact]
    public async Task HidingThePropertiesPanel_GivesTheCanvasThePagesWidth()
    {
        var editor = Render<WorkflowEditor>(p => p.Add(e => e.Document, _document).Add(e => e.Departments, ShippedDefinitions.Departments));

        await editor.Find("#designer-toggle-panel").ClickAsync(new MouseEventArgs());

        Assert.Contains("panel-hidden", editor.Find(".sked-editor-body").ClassList);
        Assert.True(editor.Find("#designer-side").HasAttribute("hidden"));
        Assert.Equal("false", editor.Find("#designer-toggle-panel").GetAttribute("aria-pressed"));
    }
}
