using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Tests.Definitions;

/// <summary>
/// The committed JSON schema is the one the node metadata generates, and an independent validator
/// (JsonSchema.Net) accepts every shipped definition with it and refuses broken ones. To regenerate
/// the file after changing a node type: <c>SKED_WRITE_SCHEMA=1 dotnet test --project
/// tests/Sked.Workflows.Engine.Tests -- --filter-class "*DefinitionSchemaTests"</c>.
/// </summary>
public sealed class DefinitionSchemaTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "workflows");

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(DefinitionSchema.Text()));

    public static TheoryData<string> Files =>
        [.. Directory.GetFiles(Shipped, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void CommittedSchema_Always_IsTheGeneratedOne()
    {
        var committed = Path.Combine(RepositoryRoot(), DefinitionSchema.RelativePath);
        var generated = DefinitionSchema.Text();
        if (Environment.GetEnvironmentVariable("SKED_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(committed, generated);
        }

        Assert.True(File.ReadAllText(committed).ReplaceLineEndings("\n") == generated,
            $"{DefinitionSchema.RelativePath} differs from the schema the node metadata generates; run this test with SKED_WRITE_SCHEMA=1 and commit the file.");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedFile_Always_SatisfiesTheSchema(string file)
    {
        var results = Evaluate(File.ReadAllText(Path.Combine(Shipped, file)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Schema_WhenAPropertyIsMisspelt_RefusesTheDefinition()
    {
        var definition = Complaint();
        HumanTaskOf(definition)["properties"]!["titel"] = HumanTaskOf(definition)["properties"]!["title"]!.DeepClone();
        HumanTaskOf(definition)["properties"]!.AsObject().Remove("title");

        Assert.False(Evaluate(definition.ToJsonString()).IsValid);
    }

    [Fact]
    public void Schema_WhenAValueHasTheWrongKind_RefusesTheDefinition()
    {
        var definition = Complaint();
        HumanTaskOf(definition)["properties"]!["sla"] = JsonValue.Create(3);

        Assert.False(Evaluate(definition.ToJsonString()).IsValid);
    }

    [Fact]
    public void Schema_WhenAChoiceHasAnUnknownValue_RefusesTheDefinition()
    {
        var definition = Complaint();
        HumanTaskOf(definition)["properties"]!["candidateRole"] = "Janitor";

        Assert.False(Evaluate(definition.ToJsonString()).IsValid);
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json, Lenient);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join(Environment.NewLine, (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    private static JsonObject Complaint() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, "complaint.json")), documentOptions: Lenient)!.AsObject();

    private static JsonObject HumanTaskOf(JsonObject definition) =>
        definition["nodes"]!.AsArray().First(n => (string?)n!["type"] == "humanTask")!.AsObject();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sked.Workflows.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Sked.Workflows.sln) is not above " + AppContext.BaseDirectory);
    }
}
