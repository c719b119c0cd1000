using Sked.Workflows.Domain.Departments;
using Sked.Workflows.Engine.Definitions;


namespace Sked.Workflows.Designer.Tests;

/// <summary>The definitions the product ships, read as the designer opens them, and the seeded departments they route to.</summary>
internal static class ShippedDefinitions
{
    public static readonly IReadOnlyDictionary<string, string> Departments =
        DepartmentCatalogue.Seed.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

    public static WorkflowDefinition Load(string id)
    {
        var file = id + ".json";
        return DefinitionJson.TryParse(File.ReadAllText(Path.Combine(Path.Combine(AppContext.BaseDirectory, "workflows"), file)), file, out var error)
            ?? throw new InvalidOperationException(error?.ToString());
    }
}
