using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// The statuses a citizen can see, each with its Persian label. Workflow definitions name these keys
/// in setStatus nodes, so a citizen never sees an internal step name.
/// </summary>
public static class CaseStatuses
{
    public const string Received = "received";
    public const string InReview = "in-review";
    public const string Referred = "referred";
    public const string InProgress = "in-progress";
    public const string UnderInvestigation = "under-investigation";
    public const string Registered = "registered";
    public const string InCirculation = "in-circulation";
    public const string Escalated = "escalated";
    public const string Answered = "answered";
    public const string Rejected = "rejected";
    public const string Closed = "closed";

    /// <summary>The company asked the citizen for more and waits for their reply.</summary>
    public const string AwaitingCitizen = "awaiting-citizen";

    public static readonly IReadOnlyList<string> All = [Received, InReview, Referred, InProgress, UnderInvestigation, Registered, InCirculation, Escalated, AwaitingCitizen, Answered, Rejected, Closed];

    /// <summary>Each value with its Persian label from the catalogue (status.*), in the order above.</summary>
    public static readonly IReadOnlyDictionary<string, string> PersianLabels =
        All.ToDictionary(v => v, v => Catalogue.Label("status", v), StringComparer.Ordinal);

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);

    /// <summary>The statuses after which the case needs nothing more from the company (Open311's "closed").</summary>
    public static readonly IReadOnlyList<string> Final = [Answered, Rejected, Closed];

    /// <summary>Whether the case needs nothing more from the company (Open311's "closed").</summary>
    public static bool IsFinal(string status) => Final.Contains(status);
}
