using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Engine.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
    private const string File = "mini.json";

    private static readonly IReadOnlyDictionary<string, string> Departments =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["billing"] = "درآمد و صورتحساب" };

    [Fact]
    public void Validate_WhenTheDefinitionIsMinimal_PassesAndCompiles()
    {
        var errors = DefinitionValidator.Validate(Minimal(), File, 1, Departments, out var compiled);

        Assert.Empty(errors);
        Assert.NotNull(compiled);
        Assert.Equal("start", compiled.Start.Id);
        Assert.Equal("intake", compiled.Next("start", "next")?.Id);
    }

    [Fact]
    public void Validate_WhenANodeTypeIsUnknown_NamesTheNodeAndTheType()
    {
        var definition = Minimal() with
        {
            Nodes = [.. Minimal().Nodes, Node("teleport", "wormhole")],
            Connections = [.. Minimal().Connections, Connect("intake", "teleport", "later")],
        };

        var error = Single(definition, "teleport", DefinitionErrors.UnknownNodeType);

        Assert.Equal("wormhole", error.Message.Args[0]);
        Assert.Contains("humanTask", (string)error.Message.Args[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenARequiredPropertyIsMissing_NamesTheNodeAndTheProperty()
    {
        var task = Node("review", "humanTask", """{"candidateRole": "EDesk", "outcomes": [{"name": "done", "label": "انجام شد"}]}""");

        var error = Single(WithTask(task, "done"), "review", DefinitionErrors.MissingProperty);

        Assert.Equal("property.title", error.Message.Args[0]?.ToString());
    }

    [Fact]
    public void Validate_WhenTwoNodesShareAnId_NamesTheId()
    {
        var definition = Minimal() with { Nodes = [.. Minimal().Nodes, Node("intake", "intake")] };

        Single(definition, "intake", DefinitionErrors.DuplicateNodeId);
    }

    [Fact]
    public void Validate_WhenAConnectionGoesToAMissingNode_NamesTheSourceAndTheTarget()
    {
        var definition = Minimal() with
        {
            Connections = [Connect("start", "intake"), Connect("intake", "archive")],
        };

        var error = Single(definition, "intake", DefinitionErrors.ConnectionToMissingNode);

        Assert.Equal("archive", error.Message.Args[1]);
    }

    [Fact]
    public void Validate_WhenAConnectionLeavesFromAnUnknownOutcome_NamesTheNodeAndTheOutcome()
    {
        var definition = Minimal() with
        {
            Connections = [.. Minimal().Connections, Connect("intake", "end", "maybe")],
        };

        var error = Single(definition, "intake", DefinitionErrors.UnknownOutcome);

        Assert.Equal("maybe", error.Message.Args[0]);
    }

    [Fact]
    public void Validate_WhenAnOutcomeIsNotConnected_NamesTheNodeAndTheOutcome()
    {
        var task = Node("review", "humanTask", """
            {"title": "بررسی", "candidateRole": "EDesk",
             "outcomes": [{"name": "done", "label": "انجام شد"}, {"name": "reject", "label": "رد"}]}
            """);

        var error = Single(WithTask(task, "done"), "review", DefinitionErrors.OutcomeNotConnected);

        Assert.Equal("reject", error.Message.Args[0]);
    }

    [Fact]
    public void Validate_WhenANodeCannotBeReached_NamesIt()
    {
        var definition = Minimal() with { Nodes = [.. Minimal().Nodes, Node("orphan", "end")] };

        Single(definition, "orphan", DefinitionErrors.Unreachable);
    }

    [Fact]
    public void Validate_WhenANodeCannotReachAnEnd_NamesIt()
    {
        var review = Node("review", "humanTask", """
            {"title": "بررسی", "candidateRole": "EDesk",
             "outcomes": [{"name": "done", "label": "انجام شد"}, {"name": "wait", "label": "بعداً"}]}
            """);
        var limbo = Node("limbo", "humanTask", """
            {"title": "انتظار", "candidateRole": "EDesk", "outcomes": [{"name": "again", "label": "دوباره"}]}
            """);
        var definition = Minimal() with
        {
            Nodes = [.. Minimal().Nodes, review, limbo],
            Connections =
            [
                Connect("start", "intake"), Connect("intake", "review"), Connect("review", "end", "done"),
                Connect("review", "limbo", "wait"), Connect("limbo", "limbo", "again"),
            ],
        };

        Single(definition, "limbo", DefinitionErrors.NoPathToEnd);
    }

    [Fact]
    public void Validate_WhenADepartmentIsUnknown_NamesTheNodeAndTheDepartment()
    {
        var task = Node("review", "humanTask", """
            {"title": "پاسخ", "candidateRole": "Department", "candidateDepartment": "catering",
             "outcomes": [{"name": "done", "label": "انجام شد"}]}
            """);

        var error = Single(WithTask(task, "done"), "review", DefinitionErrors.UnknownDepartment);

        Assert.Equal("catering", error.Message.Args[1]);
    }

    [Fact]
    public void Validate_WhenARoutingRuleHasNoDepartment_SaysSoOnce()
    {
        var route = Node("route", "autoRoute", """
            {"rules": [{"keywords": ["ترانسفورماتور"], "department": ""}], "defaultDepartment": "billing"}
            """);

        var errors = DefinitionValidator.Validate(WithTask(route, "next"), File, Departments);

        var error = Assert.Single(errors);
        Assert.Equal(("route", DefinitionErrors.MissingProperty), (error.NodeId, error.Code));
        Assert.Equal(PropertyValues.ItemField("rules", 1, "department").ToString(), error.Message.Args[0]?.ToString());
    }

    [Fact]
    public void Validate_WhenStartDoesNotLeadToIntake_NamesTheStartNode()
    {
        var definition = Minimal() with
        {
            Connections = [Connect("start", "end"), Connect("intake", "end")],
        };

        var errors = DefinitionValidator.Validate(definition, File, 1, Departments, out var compiled);

        Assert.Null(compiled);
        Assert.Contains(errors, e => e.NodeId == "start" && e.Code == DefinitionErrors.StartNotToIntake);
    }

    [Fact]
    public void Validate_WhenInvalid_ReturnsNoCompiledWorkflow()
    {
        var definition = Minimal() with { Nodes = [.. Minimal().Nodes, Node("orphan", "end")] };

        DefinitionValidator.Validate(definition, File, 1, Departments, out var compiled);

        Assert.Null(compiled);
    }

    [Fact]
    public void DefinitionError_WhenPrinted_StartsWithTheFileAndTheNode()
    {
        var definition = Minimal() with { Nodes = [.. Minimal().Nodes, Node("orphan", "end")] };

        var error = DefinitionValidator.Validate(definition, File, Departments).Single();

        Assert.StartsWith("mini.json node 'orphan': ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhenAPropertyIsMisspelt_ReportsTheFile()
    {
        var definition = DefinitionJson.TryParse("""{"id": "mini", "nodez": []}""", File, out var error);

        Assert.Null(definition);
        Assert.NotNull(error);
        Assert.Equal(File, error.File);
    }

    [Fact]
    public void TryParse_WhenGivenTheMinimalDefinitionAsJson_ReadsNodesAndConnections()
    {
        var definition = DefinitionJson.TryParse("""
            {
              "id": "mini", "name": "کوچک",
              "nodes": [{"id": "start", "type": "start"}, {"id": "intake", "type": "intake"}, {"id": "end", "type": "end"}],
              "connections": [{"from": "start", "to": "intake"}, {"from": "intake", "outcome": "next", "to": "end"}]
            }
            """, File, out var error);

        Assert.Null(error);
        Assert.NotNull(definition);
        Assert.Empty(DefinitionValidator.Validate(definition, File, Departments));
    }

    private static DefinitionError Single(WorkflowDefinition definition, string nodeId, string code)
    {
        var errors = DefinitionValidator.Validate(definition, File, 1, Departments, out var compiled);

        Assert.Null(compiled);
        var matching = errors.Where(e => e.NodeId == nodeId && e.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one error on '{nodeId}' with code '{code}'; got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        Assert.Equal(File, matching[0].File);
        return matching[0];
    }

    private static WorkflowDefinition Minimal() => new()
    {
        Id = "mini",
        Name = "کوچک",
        Nodes = [Node("start", "start"), Node("intake", "intake"), Node("end", "end")],
        Connections = [Connect("start", "intake"), Connect("intake", "end")],
    };

    private static WorkflowDefinition WithTask(NodeDefinition task, string outcome) => Minimal() with
    {
        Nodes = [.. Minimal().Nodes, task],
        Connections = [Connect("start", "intake"), Connect("intake", task.Id), Connect(task.Id, "end", outcome)],
    };

    private static NodeDefinition Node(string id, string type, string? properties = null) => new()
    {
        Id = id,
        Type = type,
        Properties = properties is null ? null : JsonNode.Parse(properties)!.AsObject(),
    };

    private static Connection Connect(string from, string to, string outcome = "next") => new() { From = from, Outcome = outcome, To = to };
}
