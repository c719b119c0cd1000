using System.Text.Json.Nodes;
using Sked.Workflows.Designer.Validation;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Tests;

/// <summary>A process owner reads the validator's errors in Persian, with the names in them kept.</summary>
public sealed class PersianMessagesTests
{
    private static IReadOnlyList<DefinitionError> ErrorsOf(Func<WorkflowDefinition, WorkflowDefinition> edit) =>
        DefinitionValidator.Validate(edit(ShippedDefinitions.Load("complaint")), null, ShippedDefinitions.Departments);

    private static WorkflowDefinition SetProperty(WorkflowDefinition definition, string nodeId, string property, JsonNode? value) =>
        definition with
        {
            Nodes = definition.Nodes.Select(n =>
            {
                if (n.Id != nodeId)
                {
                    return n;
                }

                var properties = n.Properties!.DeepClone().AsObject();
                properties[property] = value;
                return n with { Properties = properties };
            }).ToList(),
        };

    public static TheoryData<string, string> BrokenDefinitions => new()
    {
        { "dangling", "پیامد «reject» به هیچ گره‌ای وصل نیست." },
        { "bad-sla", "«P3" },
        { "unknown-department", "واحد «nowhere»" },
        { "missing-title", "ویژگی الزامی «title» خالی است." },
        { "unreachable", "از گره شروع راهی به این گره نمی‌رسد." },
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void EveryErrorOfABrokenDefinition_ReadsInPersian(string breakage, string expected)
    {
        var errors = ErrorsOf(d => breakage switch
        {
            "dangling" => d with { Connections = d.Connections.Where(c => !(c.From == "edesk-review" && c.Outcome == "reject")).ToList() },
            "bad-sla" => SetProperty(d, "edesk-review", "sla", "P3"),
            "unknown-department" => SetProperty(d, "auto-route", "defaultDepartment", "nowhere"),
            "missing-title" => SetProperty(d, "department-answer", "title", null),
            "unreachable" => d with { Connections = d.Connections.Where(c => !(c.From == "edesk-review" && c.Outcome == "reject")).Append(new Connection { From = "edesk-review", Outcome = "reject", To = "end-rejected" }).ToList() },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        });

        Assert.NotEmpty(errors);
        var persian = errors.Select(e => PersianMessages.Translate(e.Message)).ToList();
        Assert.All(persian, Assert.NotNull);
        Assert.Contains(persian, p => p!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AMessageWithoutTranslation_IsLeftToTheOriginal() =>
        Assert.Null(PersianMessages.Translate("something the engine says one day"));
}
