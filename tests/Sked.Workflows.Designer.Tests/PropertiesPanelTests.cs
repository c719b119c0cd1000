using Bunit;
using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Designer.Properties;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Tests;

/// <summary>The properties panel edits the selected node with editors built from its type's metadata; every change lands in the document.</summary>
public sealed class PropertiesPanelTests : DesignerContext
{
    private readonly DesignerDocument _document = new(ShippedDefinitions.Load("complaint"));

    private IRenderedComponent<PropertiesPanel> Panel(string nodeId = "edesk-review", bool readOnly = false) =>
        Render<PropertiesPanel>(p => p
            .Add(x => x.Document, _document)
            .Add(x => x.NodeId, nodeId)
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.Departments, ShippedDefinitions.Departments));

    private string? Property(string name) => _document.Node("edesk-review")!.Properties![name]?.ToString();

    [Fact]
    public void ForAHumanTask_ShowsAnEditorForEveryPropertyTheTypeDeclares()
    {
        var panel = Panel();

        var declared = NodeCatalogue.Find("humanTask")!.Properties.Select(p => p.Name).ToList();
        Assert.Equal(declared, panel.FindAll("[data-property]").Select(e => e.GetAttribute("data-property")));
        Assert.All(declared, name => Assert.NotEmpty(panel.FindAll($"[data-property={name}] input, [data-property={name}] select, [data-property={name}] textarea")));
    }

    [Fact]
    public void AnSmsTemplate_ShowsItsParts_AndWarnsAboveTheLimitAsItIsTyped()
    {
        var notify = _document.Nodes.First(n => n.Type == "notify" && n.Properties?["channel"]?.ToString() == "sms").Id;
        var panel = Panel(notify);

        panel.Find("[data-property=template] textarea").Change("پرونده {trackingCode} ثبت شد.");
        Assert.Equal("1", panel.Find(".sms-parts").GetAttribute("data-parts"));
        Assert.DoesNotContain("sked-error", panel.Find(".sms-parts").ClassList);

        panel.Find("[data-property=template] textarea").Change(new string('ب', 300));
        Assert.Equal("5", panel.Find(".sms-parts").GetAttribute("data-parts"));
        Assert.Contains("sked-error", panel.Find(".sms-parts").ClassList);
    }

    [Fact]
    public void TwoSmsTemplatesEditedOneAfterTheOther_EachNodeKeepsItsOwnText()
    {
        // Issue 17: after typing in one node's template and choosing another node, the box still showed the first text.
        var panel = Panel("notify-received");
        var rejected = Template("notify-rejected");
        panel.Find("[data-property=template] textarea").Change("کد رهگیری شما {trackingCode} است.");
        var firstEditors = panel.FindComponents<ValueEditor>().Select(e => e.Instance).ToList();

        panel.Render(p => p.Add(x => x.NodeId, "notify-rejected"));

        // The browser keeps what was typed in an element it is given again: each node gets editors (and elements) of its own.
        Assert.DoesNotContain(panel.FindComponents<ValueEditor>(), e => firstEditors.Contains(e.Instance));
        Assert.Equal(rejected, BoxText(panel));
        panel.Find("[data-property=template] textarea").Change("نتیجه شکایت {trackingCode} آماده است.");
        Assert.Equal("کد رهگیری شما {trackingCode} است.", Template("notify-received"));
        Assert.Equal("نتیجه شکایت {trackingCode} آماده است.", Template("notify-rejected"));

        panel.Render(p => p.Add(x => x.NodeId, "notify-received"));
        Assert.Equal("کد رهگیری شما {trackingCode} است.", BoxText(panel));
    }

    [Fact]
    public void AJsonError_IsForgottenWhenTheEditorIsGivenAnotherValue()
    {
        // A kind without an editor of its own is typed as JSON; its error belongs to the value it was typed over.
        var editor = Render<ValueEditor>(p => p.Add(x => x.Kind, "noSuchKind").Add(x => x.Value, System.Text.Json.Nodes.JsonNode.Parse("{\"a\":1}")));
        editor.Find("textarea").Change("{ نه");
        Assert.NotEmpty(editor.FindAll(".sked-error"));

        editor.Render(p => p.Add(x => x.Value, System.Text.Json.Nodes.JsonNode.Parse("{\"b\":2}")));

        Assert.Empty(editor.FindAll(".sked-error"));
    }

    private string? Template(string nodeId) => _document.Node(nodeId)!.Properties!["template"]?.GetValue<string>();

    // What the box shows: its value property, as the browser sets it (a textarea's text content is only its default).
    private static string? BoxText(IRenderedComponent<PropertiesPanel> panel)
    {
        var box = panel.Find("[data-property=template] textarea");
        return box.GetAttribute("value") ?? box.TextContent;
    }

    [Fact]
    public void ChangingTheTitle_ChangesTheNodeInTheDocument()
    {
        var panel = Panel();

        panel.Find("[data-property=title] input").Change("بررسی اولیه شکایت");

        Assert.Equal("بررسی اولیه شکایت", Property("title"));
        Assert.True(_document.History.CanUndo);
    }

    [Fact]
    public void CandidateRole_OffersExactlyTheRolesThatWorkOnCases()
    {
        var panel = Panel();

        var options = panel.FindAll("[data-property=candidateRole] select option")
            .Select(o => o.GetAttribute("value"))
            .Where(v => !string.IsNullOrEmpty(v));

        Assert.Equal(Roles.Working, options);
    }

    [Fact]
    public void EditingAnOutcomeLabel_ChangesThatOutcomeOnly()
    {
        var panel = Panel();

        panel.Find("[data-property=outcomes] tr[data-row='1'] input[aria-label='برچسب ۲']").Change("رد شکایت");

        var outcomes = _document.Node("edesk-review")!.Properties!["outcomes"]!.AsArray();
        Assert.Equal("رد شکایت", outcomes[1]!["label"]!.GetValue<string>());
        Assert.Equal("reject", outcomes[1]!["name"]!.GetValue<string>());
        Assert.Equal("ارجاع به واحد", outcomes[0]!["label"]!.GetValue<string>());
    }

    [Fact]
    public void AddingAnEscalationRow_AndChoosingItsAction_AddsAStep()
    {
        var panel = Panel();

        panel.Find("[data-property=escalation] .sked-add-row").Click();
        panel.Find("[data-property=escalation] tr[data-row='1'] input").Change("P2D");
        panel.Find("[data-property=escalation] tr[data-row='1'] select").Change("reassignToHead");

        var steps = _document.Node("edesk-review")!.Properties!["escalation"]!.AsArray();
        Assert.Equal(2, steps.Count);
        Assert.Equal("remind", steps[0]!["action"]!.GetValue<string>());
        Assert.Equal("P2D", steps[1]!["after"]!.GetValue<string>());
        Assert.Equal("reassignToHead", steps[1]!["action"]!.GetValue<string>());
    }

    [Fact]
    public void SlaEditor_ReadsTheDurationOutInPersian()
    {
        var panel = Panel();

        panel.Find("[data-property=sla] input").Change("P3D");

        Assert.Equal("P3D", Property("sla"));
        Assert.Contains(panel.FindAll("[data-property=sla] .sked-hint"), h => h.TextContent == "۳ روز");
    }

    [Fact]
    public void SlaEditor_WhenTheTextIsNoDuration_Warns()
    {
        var panel = Panel();

        panel.Find("[data-property=sla] input").Change("3 days");

        Assert.Contains(panel.FindAll("[data-property=sla] .sked-hint"), h => h.TextContent.StartsWith("مدت معتبر نیست", StringComparison.Ordinal));
    }

    [Fact]
    public void NextNodeOfAnOutcome_ConnectsTheOutcomeToIt()
    {
        var panel = Panel();

        panel.Find(".sked-connections tr[data-outcome=route] select").Change("publish-answer");

        Assert.Equal("publish-answer", _document.TargetOf("edesk-review", "route"));
        Assert.Equal("publish-rejection", _document.TargetOf("edesk-review", "reject"));
    }

    [Fact]
    public void NextNodeOfAnOutcome_SetToNone_DisconnectsIt()
    {
        var panel = Panel();

        panel.Find(".sked-connections tr[data-outcome=route] select").Change(string.Empty);

        Assert.Null(_document.TargetOf("edesk-review", "route"));
    }

    [Fact]
    public void ReadOnly_DisablesEveryInput_AndOffersNoButtons()
    {
        var panel = Panel(readOnly: true);

        var inputs = panel.FindAll("input, select, textarea");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, i => Assert.True(i.HasAttribute("disabled"), i.OuterHtml));
        Assert.Empty(panel.FindAll("button"));
    }
}
