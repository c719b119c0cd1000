using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Cases;

/// <summary>What a public report can be about.</summary>
public static class ReportCategories
{
    public const string ElectricityTheft = "electricity-theft";
    public const string EquipmentTheft = "equipment-theft";
    public const string MeterTampering = "meter-tampering";
    public const string Hazard = "hazard";
    public const string RightOfWay = "right-of-way";

    public static readonly IReadOnlyList<string> All = [ElectricityTheft, EquipmentTheft, MeterTampering, Hazard, RightOfWay];

    /// <summary>Each value with its Persian label from the catalogue (category.*), in the order above.</summary>
    public static readonly IReadOnlyDictionary<string, string> PersianNames =
        All.ToDictionary(v => v, v => Catalogue.Label("category", v), StringComparer.Ordinal);

    public static bool IsKnown(string? category) => category is not null && All.Contains(category);
}
