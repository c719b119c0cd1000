namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>The catalogue codes of the mail thread on the staff case page (<c>mailThread.*</c> in Catalogue.resx).</summary>
public static class MailThreadTexts
{
    public const string Title = "mailThread.title";
    public const string In = "mailThread.in";
    public const string Out = "mailThread.out";

    /// <summary>{0} the reason's label: why a mail of ours was not sent.</summary>
    public const string NotSentBecause = "mailThread.not-sent-because";

    /// <summary>Before the header that gave an automatic sender away (shown as it was written).</summary>
    public const string Automatic = "mailThread.automatic";

    /// <summary>{0} the Jalali date-time the citizen's address bounced.</summary>
    public const string Undeliverable = "mailThread.undeliverable";

    public const string Subject = "mailThread.subject";
    public const string Attachments = "mailThread.attachments";

    /// <summary>{0} the size in kilobytes.</summary>
    public const string SizeKb = "mailThread.size-kb";

    public const string ShowMore = "mailThread.show-more";
    public const string ShowLess = "mailThread.show-less";
    public const string Notes = "mailThread.notes";

    /// <summary>{0} the full name of the member who recorded a mail that arrived elsewhere.</summary>
    public const string RecordedBy = "mailThread.recorded-by";

    public const string Anonymous = "mailThread.anonymous";

    /// <summary>The family of the dispositions' labels: mailThread.disposition.NewCase…</summary>
    public const string DispositionFamily = "mailThread.disposition";

    /// <summary>The family of the reasons an acknowledgement was not sent (written by the intake).</summary>
    public const string SuppressedFamily = "ackSuppressed";
}
