using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Tests;

/// <summary>Every edit the designer makes goes through the document: what each edit does to the definition, and how undo walks it back.</summary>
public sealed class DesignerDocumentTests
{
    private static DesignerDocument Complaint() => new(ShippedDefinitions.Load("complaint"));

    private static string Json(DesignerDocument document) => DefinitionJson.Serialize(document.ToDefinition());

    [Fact]
    public void AddNode_HumanTask_GetsAnIdNoOtherNodeHas()
    {
        var document = Complaint();
        var before = document.Nodes.Select(n => n.Id).ToList();

        var first = document.AddNode("humanTask", 100, 600);
        var second = document.AddNode("humanTask", 100, 800);

        Assert.DoesNotContain(first, before);
        Assert.DoesNotContain(second, before);
        Assert.NotEqual(first, second);
        Assert.Equal("humanTask", document.Node(second)!.Type);
    }

    [Fact]
    public void AddNode_HumanTask_StartsWithPropertiesThatValidate_ExceptItsUnconnectedOutcome()
    {
        var document = Complaint();

        var id = document.AddNode("humanTask", 100, 600);

        var errors = DefinitionValidator.Validate(document.ToDefinition(), null, ShippedDefinitions.Departments);
        var error = Assert.Single(errors);
        Assert.Equal(id, error.NodeId);
        Assert.Equal((DefinitionErrors.OutcomeNotConnected, "done"), (error.Code, error.Message.Args[0]));
    }

    [Fact]
    public void Connect_WhenTheOutcomeIsConnected_ReplacesItsTarget()
    {
        var document = Complaint();

        document.Connect("edesk-review", "route", "publish-answer");

        var route = Assert.Single(document.Connections, c => c.From == "edesk-review" && c.Outcome == "route");
        Assert.Equal("publish-answer", route.To);
    }

    [Fact]
    public void RemoveNode_DropsTheConnectionsFromAndToIt()
    {
        var document = Complaint();
        var others = document.Connections.Count(c => c.From != "department-answer" && c.To != "department-answer");

        document.RemoveNode("department-answer");

        Assert.Null(document.Node("department-answer"));
        Assert.DoesNotContain(document.Connections, c => c.From == "department-answer" || c.To == "department-answer");
        Assert.Equal(others, document.Connections.Count);
    }

    [Fact]
    public void Rename_RewritesTheConnectionsThatNameTheNode()
    {
        var document = Complaint();

        Assert.True(document.Rename("edesk-review", "triage"));

        Assert.DoesNotContain(document.Connections, c => c.From == "edesk-review" || c.To == "edesk-review");
        Assert.Equal("triage", document.TargetOf("auto-route", "next"));
        Assert.Equal("triage", document.TargetOf("department-answer", "return"));
        Assert.Equal("department-answer", document.TargetOf("triage", "route"));
        Assert.Equal("publish-rejection", document.TargetOf("triage", "reject"));
    }

    [Fact]
    public void Rename_ToAnIdAnotherNodeHas_IsRefusedAndChangesNothing()
    {
        var document = Complaint();
        var before = Json(document);

        Assert.False(document.Rename("edesk-review", "department-answer"));

        Assert.Equal(before, Json(document));
        Assert.False(document.History.CanUndo);
    }

    [Fact]
    public void Undo_RestoresTheDefinitionBeforeTheEdit_AndRedoAppliesItAgain()
    {
        var document = Complaint();
        var before = Json(document);
        document.SetLabel("edesk-review", "بررسی اولیه");
        var after = Json(document);

        document.Undo();

        Assert.Equal(before, Json(document));
        Assert.Equal("بررسی در میز خدمت الکترونیک", document.Node("edesk-review")!.Label);

        document.Redo();

        Assert.Equal(after, Json(document));
        Assert.Equal("بررسی اولیه", document.Node("edesk-review")!.Label);
    }

    [Fact]
    public void Undo_AfterSeveralEdits_WalksBackOneEditAtATime()
    {
        var document = Complaint();
        var states = new List<string> { Json(document) };
        document.SetLabel("intake", "ثبت");
        states.Add(Json(document));
        document.Move("intake", 300, 300);
        states.Add(Json(document));
        document.RemoveNode("notify-received");

        for (var i = states.Count - 1; i >= 0; i--)
        {
            document.Undo();
            Assert.Equal(states[i], Json(document));
        }

        Assert.False(document.History.CanUndo);
    }

    [Fact]
    public void AnEdit_AfterUndo_ClearsRedo()
    {
        var document = Complaint();
        document.SetLabel("intake", "ثبت");
        document.Undo();
        document.SetLabel("end-answered", "پایان");
        var afterNewEdit = Json(document);

        document.Redo();

        Assert.False(document.History.CanRedo);
        Assert.Equal(afterNewEdit, Json(document));
        Assert.NotEqual("ثبت", document.Node("intake")!.Label);
    }

    [Fact]
    public void Undo_OfAnEditMadeBeforeSaving_LeavesUnsavedChanges_AndRedoBringsBackTheSavedState()
    {
        var document = Complaint();
        document.SetLabel("intake", "ثبت");
        document.History.MarkSaved();

        document.Undo();

        Assert.NotEqual(0, document.History.UnsavedEdits);

        document.Redo();

        Assert.Equal(0, document.History.UnsavedEdits);
    }

    [Fact]
    public void AnEdit_AfterUndoingPastTheSave_LeavesUnsavedChanges()
    {
        var document = Complaint();
        document.SetLabel("intake", "ثبت");
        document.History.MarkSaved();
        document.Undo();

        document.SetLabel("end-answered", "پایان");

        Assert.NotEqual(0, document.History.UnsavedEdits);
    }

    [Fact]
    public void SetProperty_WithNull_RemovesTheProperty()
    {
        var document = Complaint();

        document.SetProperty("edesk-review", "sla", null);

        Assert.False(document.Node("edesk-review")!.Properties!.ContainsKey("sla"));
        Assert.False(document.ToDefinition().Nodes.Single(n => n.Id == "edesk-review").Properties!.ContainsKey("sla"));
        Assert.True(document.Node("edesk-review")!.Properties!.ContainsKey("title"));
    }

    [Fact]
    public void AutoLayout_PutsStartInTheFirstColumn_AndEachStepRightOfTheOneBeforeIt()
    {
        var complaint = ShippedDefinitions.Load("complaint");

        var positions = AutoLayout.Arrange(complaint);

        Assert.Equal(complaint.Nodes.Count, positions.Count);
        Assert.Equal(positions.Values.Min(p => p.X), positions["start"].X);
        Assert.All(complaint.Nodes.Where(n => n.Id != "start"), n => Assert.True(positions[n.Id].X > positions["start"].X, n.Id));
        // Every connection leads to the right but the loops back: another review, and the department's task again after the citizen's answer.
        foreach (var connection in complaint.Connections.Where(c => c is not ({ From: "department-answer", Outcome: "return" } or { From: "await-reply" })))
        {
            Assert.True(positions[connection.To].X > positions[connection.From].X, $"{connection.From} → {connection.To}");
        }
    }

    [Fact]
    public void AutoLayout_WithTheReturnLoop_KeepsTheReviewInTheColumnAfterRouting()
    {
        var complaint = ShippedDefinitions.Load("complaint");

        var positions = AutoLayout.Arrange(complaint);

        Assert.Equal(positions["auto-route"].X + AutoLayout.ColumnWidth, positions["edesk-review"].X);
        Assert.Equal(positions["edesk-review"].X + AutoLayout.ColumnWidth, positions["department-answer"].X);
        Assert.True(positions.Values.Max(p => p.X) - positions["start"].X < complaint.Nodes.Count * AutoLayout.ColumnWidth);
    }

    [Fact]
    public void AutoLayout_WithTwoNodesSendingEachOtherBack_Finishes()
    {
        var definition = new WorkflowDefinition
        {
            Id = "loop",
            Nodes =
            [
                new NodeDefinition { Id = "start", Type = "start" },
                new NodeDefinition { Id = "a", Type = "notify" },
                new NodeDefinition { Id = "b", Type = "notify" },
                new NodeDefinition { Id = "end", Type = "end" },
            ],
            Connections =
            [
                new Connection { From = "start", To = "a" },
                new Connection { From = "a", To = "b" },
                new Connection { From = "b", Outcome = "back", To = "a" },
                new Connection { From = "b", To = "end" },
            ],
        };

        var positions = AutoLayout.Arrange(definition);

        Assert.True(positions["start"].X < positions["a"].X);
        Assert.True(positions["a"].X < positions["b"].X);
        Assert.True(positions["b"].X < positions["end"].X);
    }
}
