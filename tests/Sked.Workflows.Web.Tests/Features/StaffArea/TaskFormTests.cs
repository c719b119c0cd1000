using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Departments;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>The task form is generated from the definition: change the node, and the form changes.</summary>
public sealed class TaskFormTests : BunitContext
{
    private static readonly Dictionary<string, string> Departments = DepartmentCatalogue.Seed.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

    public TaskFormTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void EDeskReviewOfTheShippedComplaint_GetsItsFieldsAndOneButtonPerOutcome()
    {
        var node = ShippedNode("complaint", "edesk-review");

        var form = Render<TaskForm>(p => p
            .Add(f => f.Fields, node.Form)
            .Add(f => f.Outcomes, node.Outcomes)
            .Add(f => f.Departments, Departments));

        foreach (var field in node.Form)
        {
            Assert.Contains(field.Label, form.Markup, StringComparison.Ordinal);
            Assert.NotEmpty(form.FindAll($"#field-{field.Name}"));
        }

        var buttons = form.FindAll("[data-outcome]");
        Assert.Equal(node.Outcomes.Select(o => o.Name), buttons.Select(b => b.GetAttribute("data-outcome")));
        Assert.Equal(node.Outcomes.Select(o => o.Label), buttons.Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void AFieldAddedToTheDefinition_AppearsWithoutCode()
    {
        var node = ShippedNode("complaint", "department-answer");
        var fields = node.Form.Append(new FormField { Name = "visitDate", Label = "تاریخ بازدید", Type = "date" }).ToList();

        var form = Render<TaskForm>(p => p.Add(f => f.Fields, fields).Add(f => f.Outcomes, node.Outcomes));

        Assert.Contains("تاریخ بازدید", form.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(form.FindAll("#field-visitDate"));
    }

    [Fact]
    public void ClickingAnOutcome_ReportsThatOutcome_AndFieldErrorsShowBesideTheirField()
    {
        var node = ShippedNode("complaint", "department-answer");
        string? chosen = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["data.answer"] = ["«پاسخ» را وارد کنید."] };

        var form = Render<TaskForm>(p => p
            .Add(f => f.Fields, node.Form)
            .Add(f => f.Outcomes, node.Outcomes)
            .Add(f => f.Errors, errors)
            .Add(f => f.OnOutcome, (string outcome) => chosen = outcome));
        form.Find("[data-outcome=answer]").Click();

        Assert.Equal("answer", chosen);
        Assert.Contains("«پاسخ» را وارد کنید.", form.Markup, StringComparison.Ordinal);
    }

    private static HumanTaskNode.Props ShippedNode(string definition, string nodeId)
    {
        var json = File.ReadAllText(Path.Combine(WorkflowFolder.Shipped, definition + ".json"));
        var parsed = DefinitionJson.TryParse(json, definition, out _)!;
        DefinitionValidator.Validate(parsed, definition, 1, Departments, out var compiled);
        return compiled!.Node(nodeId).PropertiesAs<HumanTaskNode.Props>();
    }
}
