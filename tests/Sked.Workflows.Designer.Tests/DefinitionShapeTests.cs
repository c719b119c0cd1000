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
        var definition = DefinitionJson.TryParse(json, "import.json", out var error);

        Assert.Null(error);
        var problem = DefinitionShape.Problem(definition!);
        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AShippedDefinition_Opens() => Assert.Null(DefinitionShape.Problem(ShippedDefinitions.Load("public-report")));
}
