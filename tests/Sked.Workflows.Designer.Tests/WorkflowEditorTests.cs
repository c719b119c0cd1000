using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Sked.Workflows.Designer;
using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Tests;

/// <summary>The editor as a process owner uses it: palette, canvas, properties and the engine's verdict, live on every edit.</summary>
public sealed class WorkflowEditorTests : DesignerContext
{
    private readonly DesignerDocument _document = new(ShippedDefinitions.Load("complaint"));

    private IRenderedComponent<WorkflowEditor> Editor() =>
        Render<WorkflowEditor>(p => p.Add(e => e.Document, _document).Add(e => e.Departments, ShippedDefinitions.Departments));

    // The canvas fits itself to view on the renderer a moment after the first render; awaiting each
    // event makes the test wait for its turn instead of looking before the event ran.
    private static Task AddHumanTaskAsync(IRenderedComponent<WorkflowEditor> editor) =>
        editor.Find("#designer-palette li[data-node-type=humanTask] button").ClickAsync(new MouseEventArgs());

    private static Task ChooseNextAsync(IRenderedComponent<WorkflowEditor> editor, string outcome, string to) =>
        editor.Find($".sked-connections tr[data-outcome={outcome}] select").ChangeAsync(new ChangeEventArgs { Value = to });

    private string NewNodeId() => Assert.Single(_document.Nodes, n => n.Type == "humanTask" && n.Id.StartsWith("task-", StringComparison.Ordinal)).Id;

    [Fact]
    public async Task AddingAHumanTaskFromThePalette_ReportsItsUnconnectedOutcome()
    {
        var editor = Editor();
        Assert.NotEmpty(editor.FindAll(".sked-validation-ok"));

        await AddHumanTaskAsync(editor);

        var id = NewNodeId();
        Assert.NotEmpty(editor.FindAll($".sked-node[data-node-id={id}]"));
        var error = Assert.Single(editor.FindAll(".sked-validation-error"));
        Assert.Equal(id, error.GetAttribute("data-node-id"));
        Assert.Contains(Catalogue.Render(DefinitionErrors.OutcomeNotConnected, "done"), error.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectingTheNewTaskThroughThePropertiesPanel_MakesTheDefinitionValid()
    {
        var editor = Editor();
        await AddHumanTaskAsync(editor);
        var id = NewNodeId();

        // The new task is selected: send its outcome on to the department's answer...
        Assert.Equal(id, editor.Find(".sked-properties").GetAttribute("data-node-id"));
        await ChooseNextAsync(editor, "done", "department-answer");
        // ...and have the review route to it, selecting the review on the canvas.
        await editor.Find(".sked-node[data-node-id=edesk-review]").ParentElement!.PointerDownAsync(new PointerEventArgs());
        Assert.Equal("edesk-review", editor.Find(".sked-properties").GetAttribute("data-node-id"));
        await ChooseNextAsync(editor, "route", id);

        Assert.Empty(editor.FindAll(".sked-validation-error"));
        Assert.NotEmpty(editor.FindAll(".sked-validation-ok"));
        Assert.Equal(id, _document.TargetOf("edesk-review", "route"));
    }

    [Fact]
    public async Task UndoButton_TakesTheAddedTaskAwayAgain()
    {
        var editor = Editor();
        await AddHumanTaskAsync(editor);
        var id = NewNodeId();

        await editor.Find("#designer-undo").ClickAsync(new MouseEventArgs());

        Assert.Null(_document.Node(id));
        Assert.Empty(editor.FindAll($".sked-node[data-node-id={id}]"));
        Assert.Empty(editor.FindAll(".sked-properties"));
        Assert.NotEmpty(editor.FindAll(".sked-validation-ok"));
    }

    [Fact]
    public void AHandWrittenNodeWithOutcomesOfTheWrongKind_IsDrawnAndReported()
    {
        var definition = ShippedDefinitions.Load("complaint");
        var broken = definition with
        {
            Nodes = definition.Nodes.Select(n => n.Id == "edesk-review"
                ? n with { Properties = new System.Text.Json.Nodes.JsonObject { ["title"] = "بررسی", ["candidateRole"] = "EDesk", ["outcomes"] = "route" } }
                : n).ToList(),
        };

        var editor = Render<WorkflowEditor>(p => p.Add(e => e.Document, new DesignerDocument(broken)).Add(e => e.Departments, ShippedDefinitions.Departments));

        Assert.NotEmpty(editor.FindAll(".sked-node[data-node-id=edesk-review]"));
        Assert.Contains(editor.FindAll(".sked-validation-error"), e => e.GetAttribute("data-node-id") == "edesk-review"
            && e.TextContent.Contains(Catalogue.Render(DefinitionErrors.PropertiesMisfit, "humanTask"), StringComparison.Ordinal));
    }
}
