namespace Sked.Workflows.Infrastructure.StaffNotices;

/// <summary>The sentences of the bell (catalogue codes); the reminder's is the task form's (TaskFormErrors.Reminder).</summary>
public static class StaffNoticeTexts
{
    /// <summary>{0} task title, {1} tracking code.</summary>
    public const string Assigned = "notice.assigned";

    /// <summary>{0} task title, {1} tracking code.</summary>
    public const string Returned = "notice.returned";

    /// <summary>{0} tracking code.</summary>
    public const string Escalated = "notice.escalated";

    /// <summary>{0} tracking code.</summary>
    public const string SmsUndelivered = "notice.sms-undelivered";
}
