namespace Sked.Workflows.Domain.Cases;

/// <summary>What a public report can be about.</summary>
public static class ReportCategories
{
    public const string ElectricityTheft = "electricity-theft";
    public const string EquipmentTheft = "equipment-theft";
    public const string MeterTampering = "meter-tampering";
    public const string Hazard = "hazard";
    public const string RightOfWay = "right-of-way";

    public static readonly IReadOnlyDictionary<string, string> PersianNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ElectricityTheft] = "کشف برق غیرمجاز",
        [EquipmentTheft] = "سرقت تجهیزات برقی",
        [MeterTampering] = "دستکاری کنتور",
        [Hazard] = "نقطه حادثه‌خیز",
        [RightOfWay] = "تجاوز به حریم شبکه",
    };

    public static bool IsKnown(string? category) => category is not null && PersianNames.ContainsKey(category);
}
