using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Departments;

/// <summary>
/// The company's specialised units that answer cases. Seeded at first start; an admin can add more
/// later. Workflow routing rules name these codes.
/// </summary>
public static class DepartmentCatalogue
{
    public static readonly IReadOnlyList<(string Code, string Name)> Seed =
    [
        ("customer-service", Catalogue.Label("department", "customer-service")),
        ("billing", Catalogue.Label("department", "billing")),
        ("metering", Catalogue.Label("department", "metering")),
        ("inspection", Catalogue.Label("department", "inspection")),
        ("operations", Catalogue.Label("department", "operations")),
        ("safety", Catalogue.Label("department", "safety")),
        ("right-of-way", Catalogue.Label("department", "right-of-way")),
        ("network-development", Catalogue.Label("department", "network-development")),
        ("legal", Catalogue.Label("department", "legal")),
        ("public-relations", Catalogue.Label("department", "public-relations")),
    ];
}
