using Sked.Workflows.Domain.Text;

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

    public static readonly IReadOnlyList<string> All = [Complaint, Request, Suggestion, PublicReport, Letter, CeoQuestion, EmailInquiry];

    /// <summary>Each value with its Persian label from the catalogue (caseType.*), in the order above.</summary>
    public static readonly IReadOnlyDictionary<string, string> PersianNames =
        All.ToDictionary(v => v, v => Catalogue.Label("caseType", v), StringComparer.Ordinal);

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);

    /// <summary>Types a citizen starts through the public API; letters are registered by the secretariat.</summary>
    public static bool IsCitizenSubmitted(string? type) => IsKnown(type) && type is not (Letter or EmailInquiry);
}
