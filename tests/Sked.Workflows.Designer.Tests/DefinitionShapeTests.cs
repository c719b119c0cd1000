using System.Text.Json;
using Sked.Workflows.Designer.Editing;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Designer.Tests;

/// <summary>A file the editor cannot draw is refused with a reason before it reaches the canvas.</summary>
public sealed class DefinitionShapeTests
{
    [Theory]
    [InlineData("""{"id":"complaint","name":"x","nodes":null,"connections":[]}""", "nodes")]
    [InlineData("""{"id":"complaint","name":"x","nodes":[null],"connections":[]}""", "id")]
    [InlineData("""{"id":"complaint","name":"x","nodes":[{"id":"start","type":null}],"connections":[]}""", "type")]
    [InlineData("""{"id":"complaint","name":"x","nodes":[],"connections":[{"from":"a","outcome":"next","to":null}]}""", "to")]
    public void AFileWithHolesInItsLists_IsRefusedWithAReason(string json, string named)
    {
        // Reading the file refuses the hole (the API and the start-up read the same way); the shape
        // check, which names the field, stays behind it for a definition built in memory.
        var definition = DefinitionJson.TryParse(json, "import.json", out var error);

        Assert.Null(definition);
        Assert.Equal(DefinitionErrors.Unreadable, error!.Message.Code);
        Assert.Contains(named, DefinitionShape.Problem(JsonSerializer.Deserialize<WorkflowDefinition>(json, DefinitionJson.Options)!), StringComparison.Ordinal);
    }

    [Fact]
    public void AShippedDefinition_Opens() => Assert.Null(DefinitionShape.Problem(ShippedDefinitions.Load("public-report")));
}
