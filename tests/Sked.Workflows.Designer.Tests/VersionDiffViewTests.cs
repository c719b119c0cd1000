using System.Text.Json.Nodes;
using Blazor.Diagrams.Core.Models;
using Bunit;
using Sked.Workflows.Designer.Canvas;
using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Designer.Versions;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Tests;

/// <summary>Two versions side by side: what was added, removed and changed is marked on the drawing and listed value by value.</summary>
public sealed class VersionDiffViewTests : DesignerContext
{
    private readonly WorkflowDefinition _v1 = ShippedDefinitions.Load("complaint");

    private IRenderedComponent<VersionDiffView> Compare(WorkflowDefinition after) =>
        Render<VersionDiffView>(p => p.Add(v => v.Before, _v1).Add(v => v.After, after));

    private WorkflowDefinition Edited(Action<DesignerDocument> edit)
    {
        var document = new DesignerDocument(_v1);
        edit(document);
        return document.ToDefinition();
    }

    [Fact]
    public void ATaskInsertedAfterRouting_IsMarkedAddedAndListed_AndTheRerouteIsListedAsChanged()
    {
        string id = null!;
        var v2 = Edited(d =>
        {
            id = d.AddNode("humanTask", 1000, 560);
            d.SetLabel(id, "بررسی حقوقی");
            d.Connect("edesk-review", "route", id);
            d.Connect(id, "done", "department-answer");
        });

        var diff = Compare(v2);

        var drawn = diff.Find($".sked-node[data-node-id={id}]");
        Assert.Contains("diff-added", drawn.ClassList);
        var listed = diff.Find($".sked-diff-node[data-node-id={id}]");
        Assert.Equal("added", listed.GetAttribute("data-change"));
        Assert.Contains("بررسی حقوقی", listed.TextContent, StringComparison.Ordinal);
        var reroute = diff.Find(".sked-diff-connections li[data-from=edesk-review][data-outcome=route]");
        Assert.Contains("diff-changed", reroute.ClassList);
        Assert.Contains($"department-answer ⇒ {id}", reroute.TextContent, StringComparison.Ordinal);
        Assert.Contains("diff-added", diff.Find($".sked-diff-connections li[data-from={id}][data-outcome=done]").ClassList);
    }

    [Fact]
    public void AChangedSla_IsListedWithTheOldAndTheNewDuration()
    {
        var v2 = Edited(d => d.SetProperty("department-answer", "sla", JsonValue.Create("P5D")));

        var diff = Compare(v2);

        Assert.Contains("diff-changed", diff.Find(".sked-node[data-node-id=department-answer]").ClassList);
        var row = diff.Find(".sked-diff-node[data-node-id=department-answer] tr[data-path='properties.sla']");
        Assert.Equal("3WD", row.QuerySelector(".sked-before")!.TextContent);
        Assert.Equal("P5D", row.QuerySelector(".sked-after")!.TextContent);
        Assert.Single(diff.FindAll(".sked-diff-node"));
    }

    [Fact]
    public void IdenticalVersions_SayTheyAreTheSame_AndMarkNothing()
    {
        var diff = Compare(ShippedDefinitions.Load("complaint"));

        Assert.NotEmpty(diff.FindAll(".sked-diff-none"));
        Assert.Empty(diff.FindAll(".sked-diff-node"));
        Assert.Empty(diff.FindAll(".sked-diff-connections"));
        Assert.Equal(_v1.Nodes.Count, diff.FindAll(".sked-node").Count);
        Assert.Empty(diff.FindAll(".sked-node[class*=diff-]"));
    }

    [Fact]
    public void ARemovedNode_IsDrawnFromTheOlderVersionWithTheRemovedMarker()
    {
        var v2 = Edited(d =>
        {
            d.RemoveNode("notify-answered");
            d.Connect("publish-answer", "next", "end-answered");
        });

        var diff = Compare(v2);

        var drawn = diff.Find(".sked-node[data-node-id=notify-answered]");
        Assert.Contains("diff-removed", drawn.ClassList);
        Assert.Contains("پیامک اعلام پاسخ", drawn.TextContent, StringComparison.Ordinal);
        Assert.Equal("removed", diff.Find(".sked-diff-node[data-node-id=notify-answered]").GetAttribute("data-change"));
        Assert.Contains("diff-removed", diff.Find(".sked-diff-connections li[data-from=notify-answered][data-outcome=next]").ClassList);
    }

    [Fact]
    public void ARenamedOutcome_DrawsItsOldConnectionAsRemoved()
    {
        var v2 = Edited(d =>
        {
            d.SetProperty("edesk-review", "outcomes", JsonNode.Parse("""[{"name": "route", "label": "ارجاع به واحد"}, {"name": "decline", "label": "رد"}]"""));
            d.Disconnect("edesk-review", "reject");
            d.Connect("edesk-review", "decline", "publish-rejection");
        });

        var diff = Compare(v2);

        Assert.Single(diff.FindAll(".sked-node[data-node-id=edesk-review] [data-outcome=reject]"));
        var links = diff.FindComponent<WorkflowCanvas>().Instance.Diagram.Links;
        var reject = Assert.Single(links, l => l.Source.Model is OutcomePortModel { Outcome: "reject", Parent.Id: "edesk-review" });
        Assert.Equal("#c62828", Assert.IsType<LinkModel>(reject).Color);
        Assert.Contains("diff-removed", diff.Find(".sked-diff-connections li[data-from=edesk-review][data-outcome=reject]").ClassList);
    }
}
