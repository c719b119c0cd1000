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

    public static readonly IReadOnlyDictionary<string, string> PersianLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Received] = "دریافت و ثبت شد",
        [InReview] = "در حال بررسی در میز خدمت الکترونیک",
        [Referred] = "به واحد تخصصی ارجاع شد",
        [InProgress] = "در حال رسیدگی",
        [UnderInvestigation] = "در حال بررسی میدانی",
        [Registered] = "در دبیرخانه ثبت شد",
        [InCirculation] = "در گردش میان واحدها",
        [Escalated] = "به مدیر واحد ارجاع شد",
        [Answered] = "پاسخ داده شد",
        [Rejected] = "رد شد",
        [Closed] = "بسته شد",
    };

    public static bool IsKnown(string? status) => status is not null && PersianLabels.ContainsKey(status);

    /// <summary>The statuses after which the case needs nothing more from the company (Open311's "closed").</summary>
    public static readonly IReadOnlyList<string> Final = [Answered, Rejected, Closed];

    /// <summary>Whether the case needs nothing more from the company (Open311's "closed").</summary>
    public static bool IsFinal(string status) => Final.Contains(status);
}
