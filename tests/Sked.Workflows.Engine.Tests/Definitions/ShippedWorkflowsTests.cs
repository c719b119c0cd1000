using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Departments;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Tests.Definitions;

public sealed class ShippedWorkflowsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "workflows");

    private static readonly IReadOnlyDictionary<string, string> Departments =
        DepartmentCatalogue.Seed.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

    public static TheoryData<string> Files =>
        [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedFile_WithTheSeededDepartments_Validates(string file)
    {
        var definition = Parse(file);

        var errors = DefinitionValidator.Validate(definition, file, 1, Departments, out var compiled);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.NotNull(compiled);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedFile_Always_HasItsFileNameAsId(string file)
    {
        Assert.Equal(Path.GetFileNameWithoutExtension(file), Parse(file).Id);
    }

    [Fact]
    public void ShippedFolder_Always_HoldsAWorkflowForEveryCaseType()
    {
        var ids = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);

        Assert.All(CaseTypes.PersianNames.Keys, type => Assert.Contains(type, ids));
    }

    private static WorkflowDefinition Parse(string file)
    {
        var definition = DefinitionJson.TryParse(System.IO.File.ReadAllText(Path.Combine(Folder, file)), file, out var error);
        Assert.True(definition is not null, error?.ToString());
        return definition;
    }
}
