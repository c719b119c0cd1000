namespace Sked.Workflows.Domain.Cases;

/// <summary>The kinds of submission; each runs on the workflow definition with the same id.</summary>
public static class CaseTypes
{
    public const string Complaint = "complaint";
    public const string Request = "request";
    public const string Suggestion = "suggestion";
    public const string PublicReport = "public-report";
    public const string Letter = "letter";
    public const string CeoQuestion = "ceo-question";
    public const string EmailInquiry = "email-inquiry";

    public static readonly IReadOnlyDictionary<string, string> PersianNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Complaint] = "شکایت",
        [Request] = "درخواست",
        [Suggestion] = "پیشنهاد",
        [PublicReport] = "گزارش مردمی",
        [Letter] = "نامه",
        [CeoQuestion] = "پرسش از مدیرعامل",
        [EmailInquiry] = "پرسش پست الکترونیکی",
    };

    public static bool IsKnown(string? type) => type is not null && PersianNames.ContainsKey(type);

    /// <summary>Types a citizen starts through the public API; letters are registered by the secretariat.</summary>
    public static bool IsCitizenSubmitted(string? type) => IsKnown(type) && type is not (Letter or EmailInquiry);
}
