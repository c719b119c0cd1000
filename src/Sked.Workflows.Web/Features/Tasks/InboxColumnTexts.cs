namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// The task lists' column headers (the same words label each cell on a narrow screen) and the done
/// tab's "in time / late" mark; the words are in the catalogue.
/// </summary>
public static class InboxColumnTexts
{
    public const string TrackingCode = "inboxColumn.tracking-code";
    public const string Type = "inboxColumn.type";
    public const string Subject = "inboxColumn.subject";
    public const string Department = "inboxColumn.department";
    public const string Step = "inboxColumn.step";
    public const string Due = "inboxColumn.due";
    public const string Holder = "inboxColumn.holder";
    public const string Outcome = "inboxColumn.outcome";
    public const string FinishedAt = "inboxColumn.finished-at";
    public const string FinishedBy = "inboxColumn.finished-by";
    public const string FinishedLate = "inboxColumn.finished-late";
    public const string FinishedInTime = "inboxColumn.finished-in-time";

    /// <summary>The done tab's columns, in the order it shows them.</summary>
    public static readonly IReadOnlyList<string> Done = [TrackingCode, Type, Subject, Step, Outcome, FinishedAt, FinishedBy];

    public static readonly IReadOnlyList<string> All = [.. Done, Department, Due, Holder, FinishedLate, FinishedInTime];
}
