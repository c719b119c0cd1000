using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Departments;

/// <summary>
/// The company's specialised units that answer cases. Seeded at first start; an admin can add more
/// later. Workflow routing rules name these codes.
/// </summary>
public static class DepartmentCatalogue
{
    private static readonly string[] Codes =
    [
        "customer-service", "billing", "metering", "inspection", "operations", "safety", "right-of-way",
        "network-development", "legal", "public-relations",
    ];

    /// <summary>Each code with its Persian name from the catalogue (department.*).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Seed =
        [.. Codes.Select(code => (code, Catalogue.Label("department", code)))];
}
