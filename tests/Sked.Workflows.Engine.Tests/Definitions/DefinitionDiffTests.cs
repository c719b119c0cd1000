using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Tests.Definitions;

/// <summary>What a process owner sees listed when comparing a draft of the complaint workflow with the published one.</summary>
public sealed class DefinitionDiffTests
{
    private const string Review = "edesk-review";
    private const string DepartmentAnswer = "department-answer";

    [Fact]
    public void Compare_TwoCopiesOfTheSameFile_FindsNoChange()
    {
        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), Drafts.Shipped("complaint"));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Compare_WhenATaskIsInsertedAfterRouting_ListsTheNewNodeOnly()
    {
        var after = Drafts.Shipped("complaint").InsertAfter(Review, "route", Drafts.HumanTask("quality-check", ["done"]), "done");

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        var node = Assert.Single(changes.Nodes);
        Assert.Equal(("quality-check", ChangeKind.Added), (node.NodeId, node.Kind));
        Assert.Null(node.Before);
        Assert.Same(after.Node("quality-check"), node.After);
    }

    [Fact]
    public void Compare_WhenATaskIsInsertedAfterRouting_ListsTheRedirectedAndTheNewConnection()
    {
        var after = Drafts.Shipped("complaint").InsertAfter(Review, "route", Drafts.HumanTask("quality-check", ["done"]), "done");

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal(
            [
                new ConnectionChange(Review, "route", ChangeKind.Changed, DepartmentAnswer, "quality-check"),
                new ConnectionChange("quality-check", "done", ChangeKind.Added, null, DepartmentAnswer),
            ],
            changes.Connections);
    }

    [Fact]
    public void Compare_WhenTheSlaIsLonger_ListsItAsPlainText()
    {
        var after = Drafts.Shipped("complaint");
        after.Properties(DepartmentAnswer)["sla"] = "P5D";

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        var node = Assert.Single(changes.Nodes);
        Assert.Equal((DepartmentAnswer, ChangeKind.Changed, false), (node.NodeId, node.Kind, node.Moved));
        Assert.Equal([new PropertyChange("properties.sla", "3WD", "P5D")], node.Properties);
    }

    [Fact]
    public void Compare_WhenAnOutcomeIsRelabelled_NamesTheOutcomeNotItsPosition()
    {
        var after = Drafts.Shipped("complaint");
        after.Properties(Review)["outcomes"]![0]!["label"] = "ارسال به واحد";

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal([new PropertyChange("properties.outcomes[route].label", "ارجاع به واحد", "ارسال به واحد")], Assert.Single(changes.Nodes).Properties);
    }

    [Fact]
    public void Compare_WhenOutcomesAreReordered_FindsNoChange()
    {
        var after = Drafts.Shipped("complaint");
        var outcomes = after.Properties(Review)["outcomes"]!.AsArray();
        var route = outcomes[0]!;
        outcomes.RemoveAt(0);
        outcomes.Add(route);

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Compare_WhenAnOutcomeIsAdded_ListsTheWholeOutcomeAsOneChange()
    {
        var after = Drafts.Shipped("complaint");
        after.Properties(Review)["outcomes"]!.AsArray().Add(new JsonObject { ["name"] = "forward", ["label"] = "ارسال" });

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal([new PropertyChange("properties.outcomes[forward]", null, """{"name":"forward","label":"ارسال"}""")], Assert.Single(changes.Nodes).Properties);
    }

    [Fact]
    public void Compare_WhenARoutingRuleChangesDepartment_CountsRulesFromOne()
    {
        var after = Drafts.Shipped("complaint");
        after.Properties("auto-route")["rules"]![1]!["department"] = "customer-service";

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal([new PropertyChange("properties.rules[2].department", "billing", "customer-service")], Assert.Single(changes.Nodes).Properties);
    }

    [Fact]
    public void Compare_WhenARuleKeywordIsAdded_ListsTheWholeListItem()
    {
        var after = Drafts.Shipped("complaint");
        after.Properties("auto-route")["rules"]![0]!["keywords"]!.AsArray().Add("کنتور هوشمند");

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal([new PropertyChange("properties.rules[1].keywords[2]", null, "کنتور هوشمند")], Assert.Single(changes.Nodes).Properties);
    }

    [Fact]
    public void Compare_WhenANodeIsRemoved_ListsItAfterTheNodesOfTheDraft()
    {
        var after = Drafts.Shipped("complaint").Remove("notify-received").Connect("intake", "next", "auto-route");
        after.Nodes[^1] = after.Nodes[^1] with { Label = "پایان" };

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal([("end-rejected", ChangeKind.Changed), ("notify-received", ChangeKind.Removed)], changes.Nodes.Select(n => (n.NodeId, n.Kind)));
    }

    [Fact]
    public void Compare_WhenANodeIsRemoved_ListsItsConnectionsAsRemoved()
    {
        var after = Drafts.Shipped("complaint").Remove("notify-received").Connect("intake", "next", "auto-route");

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal(
            [
                new ConnectionChange("intake", "next", ChangeKind.Changed, "notify-received", "auto-route"),
                new ConnectionChange("notify-received", "next", ChangeKind.Removed, "auto-route", null),
            ],
            changes.Connections);
    }

    [Fact]
    public void Compare_WhenANodeIsOnlyMoved_MarksItMovedWithoutPropertyChanges()
    {
        var after = Drafts.Shipped("complaint");
        after.Nodes[after.Nodes.FindIndex(n => n.Id == Review)] = after.Node(Review) with { Position = new NodePosition(1000, 300) };

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        var node = Assert.Single(changes.Nodes);
        Assert.Equal((Review, ChangeKind.Changed, true), (node.NodeId, node.Kind, node.Moved));
        Assert.Empty(node.Properties);
    }

    [Fact]
    public void Compare_WhenANodeIsMovedAndRelabelled_ListsBoth()
    {
        var after = Drafts.Shipped("complaint");
        after.Nodes[after.Nodes.FindIndex(n => n.Id == Review)] = after.Node(Review) with { Position = new NodePosition(0, 0), Label = "بررسی" };

        var node = Assert.Single(DefinitionDiff.Compare(Drafts.Shipped("complaint"), after).Nodes);

        Assert.True(node.Moved);
        Assert.Equal([new PropertyChange("label", "بررسی در میز خدمت الکترونیک", "بررسی")], node.Properties);
    }

    [Fact]
    public void Compare_WhenTheNodeTypeChanges_ListsTheType()
    {
        var after = Drafts.Shipped("complaint");
        after.Nodes[after.Nodes.FindIndex(n => n.Id == "notify-received")] = after.Node("notify-received") with { Type = "setStatus" };

        var node = Assert.Single(DefinitionDiff.Compare(Drafts.Shipped("complaint"), after).Nodes);

        Assert.Equal(new PropertyChange("type", "notify", "setStatus"), node.Properties[0]);
    }

    [Fact]
    public void Compare_WhenAPropertyIsDropped_ListsItWithNoAfterValue()
    {
        var after = Drafts.Shipped("complaint");
        after.Properties(DepartmentAnswer).Remove("escalation");

        var node = Assert.Single(DefinitionDiff.Compare(Drafts.Shipped("complaint"), after).Nodes);

        var change = Assert.Single(node.Properties);
        Assert.Equal("properties.escalation", change.Path);
        Assert.Equal("""[{"after":"75%","action":"remind"},{"after":"100%","action":"reassignToHead"},{"after":"+2WD","action":"notifyCeoOffice"}]""", change.Before);
        Assert.Null(change.After);
    }

    [Fact]
    public void Compare_WhenTheWorkflowIsRenamed_ListsTheNameUnderWorkflow()
    {
        var after = Drafts.Shipped("complaint") with { Name = "شکایات" };

        var changes = DefinitionDiff.Compare(Drafts.Shipped("complaint"), after);

        Assert.Equal([new PropertyChange("name", "رسیدگی به شکایت", "شکایات")], changes.Workflow);
        Assert.Empty(changes.Nodes);
    }
}
