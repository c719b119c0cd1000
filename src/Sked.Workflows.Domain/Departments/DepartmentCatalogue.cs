namespace Sked.Workflows.Domain.Departments;

/// <summary>
/// The company's specialised units that answer cases. Seeded at first start; an admin can add more
/// later. Workflow routing rules name these codes.
/// </summary>
public static class DepartmentCatalogue
{
    public static readonly IReadOnlyList<(string Code, string Name)> Seed =
    [
        ("customer-service", "امور مشترکین"),
        ("billing", "درآمد و صورتحساب"),
        ("metering", "کنتور و اندازه‌گیری"),
        ("inspection", "بازرسی و کشف برق غیرمجاز"),
        ("operations", "بهره‌برداری و اتفاقات"),
        ("safety", "ایمنی و حوادث"),
        ("right-of-way", "حریم و املاک"),
        ("network-development", "طرح و توسعه شبکه"),
        ("legal", "امور حقوقی"),
        ("public-relations", "روابط عمومی"),
    ];
}
