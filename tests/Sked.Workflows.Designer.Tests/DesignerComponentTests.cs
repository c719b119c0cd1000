using System.Text.Json.Nodes;
using Bunit;
using Sked.Workflows.Designer;
using Sked.Workflows.Designer.Validation;
using Sked.Workflows.Designer.Canvas;
using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Tests;

/// <summary>The designer shows what the engine's validator says, and draws every node with its type.</summary>
public sealed class DesignerComponentTests : DesignerContext
{
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
        var list = Render<ValidationList>(p => p.Add(v => v.Errors, DefinitionValidator.Validate(WithUnknownType())));

        var errors = list.FindAll(".sked-validation-error");
        var unknown = Assert.Single(errors, e => e.TextContent.Contains(Catalogue.Render(DefinitionErrors.UnknownNodeType, "teleport"), StringComparison.Ordinal));
        Assert.Equal("mystery", unknown.QuerySelector(".sked-validation-node")!.TextContent);
        // Persian only: no English line under the Persian sentence any more.
        Assert.Empty(list.FindAll(".sked-validation-original"));
        Assert.DoesNotContain("unknown", list.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WorkflowCanvas_DrawsEveryNodeWithItsTypeAndEveryConnection()
    {
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Document, new DesignerDocument(WithUnknownType())));

        Assert.Equal(3, canvas.Instance.Diagram!.Nodes.Count);
        Assert.Equal(2, canvas.Instance.Diagram.Links.Count);
        Assert.Contains("پایان", canvas.Markup, StringComparison.Ordinal);
        Assert.Contains("جابه‌جایی", canvas.Markup, StringComparison.Ordinal);
        Assert.Single(canvas.FindAll(".sked-node.unknown"));
    }

    [Fact]
    public async Task WorkflowCanvas_AConnectionFromAnOutcomeRenamedAway_StaysDrawn()
    {
        var document = new DesignerDocument(ShippedDefinitions.Load("complaint"));
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Document, document));

        var outcomes = JsonNode.Parse("""[{"name": "route", "label": "ارجاع به واحد"}, {"name": "decline", "label": "رد"}]""");
        await canvas.InvokeAsync(() => document.SetProperty("edesk-review", "outcomes", outcomes));

        // The validator now reports the connection from 'reject'; the owner has to see it to delete it.
        Assert.Equal(document.Connections.Count, canvas.Instance.Diagram.Links.Count);
        Assert.Single(canvas.FindAll(".sked-node[data-node-id=edesk-review] [data-outcome=reject]"));
        Assert.Single(canvas.FindAll(".sked-node[data-node-id=edesk-review] [data-outcome=decline]"));
    }

    [Fact]
    public async Task WorkflowCanvas_ARenderThatChangesNothing_LeavesTheLinks_AndAConnectionChangesOnlyItsOwn()
    {
        // A port measured in the browser walks its links when the answer comes back; a page render in
        // that moment that rebuilt every link used to end the owner's circuit.
        var document = new DesignerDocument(ShippedDefinitions.Load("complaint"));
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Document, document));
        var before = canvas.Instance.Diagram.Links.ToList();

        canvas.Render(p => p.Add(c => c.Document, document).Add(c => c.SelectedNodeId, "edesk-review"));
        Assert.Equal(before, canvas.Instance.Diagram.Links.ToList());

        await canvas.InvokeAsync(() => document.Connect("edesk-review", "route", "publish-rejection"));
        var after = canvas.Instance.Diagram.Links.ToList();
        Assert.Equal(before.Count, after.Count);
        var replaced = Assert.Single(before.Except(after));
        Assert.Equal("edesk-review:out:route", ((Blazor.Diagrams.Core.Models.PortModel)replaced.Source.Model!).Id);
        Assert.Equal("publish-rejection:in", ((Blazor.Diagrams.Core.Models.PortModel)Assert.Single(after.Except(before)).Target.Model!).Id);
    }
}
