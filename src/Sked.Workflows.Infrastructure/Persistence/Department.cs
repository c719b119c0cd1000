namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>A specialised unit that answers cases.</summary>
public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}
