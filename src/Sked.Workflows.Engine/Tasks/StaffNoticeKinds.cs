namespace Sked.Workflows.Engine.Tasks;

/// <summary>The kinds of notice, each with its Persian label `noticeKind.&lt;kind&gt;`.</summary>
public static class StaffNoticeKinds
{
    public const string Assigned = "assigned";
    public const string Returned = "returned";
    public const string Reminder = "reminder";
    public const string Escalated = "escalated";
    public const string CitizenReplied = "citizen-replied";

    /// <summary>An SMS to the citizen did not arrive (the e-desk checks the number).</summary>
    public const string SmsUndelivered = "sms-undelivered";

    public static readonly IReadOnlyList<string> All = [Assigned, Returned, Reminder, Escalated, CitizenReplied, SmsUndelivered];
}
