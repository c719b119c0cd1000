namespace Sked.Workflows.Engine.Tasks;

/// <summary>The kinds of notice, each with its Persian label `noticeKind.&lt;kind&gt;`.</summary>
public static class StaffNoticeKinds
{
    public const string Assigned = "assigned";
    public const string Returned = "returned";
    public const string Reminder = "reminder";
    public const string Escalated = "escalated";
    public const string CitizenReplied = "citizen-replied";

    public static readonly IReadOnlyList<string> All = [Assigned, Returned, Reminder, Escalated, CitizenReplied];
}
