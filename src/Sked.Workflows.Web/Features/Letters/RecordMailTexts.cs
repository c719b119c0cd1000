namespace Sked.Workflows.Web.Features.Letters;

/// <summary>The catalogue codes of the e-desk's screen that records a mail that arrived elsewhere (<c>mailThread.record.*</c>).</summary>
public static class RecordMailTexts
{
    public const string Nav = "mailThread.record.nav";
    public const string Title = "mailThread.record.title";
    public const string Intro = "mailThread.record.intro";
    public const string Address = "mailThread.record.address";
    public const string Name = "mailThread.record.name";
    public const string Subject = "mailThread.record.subject";
    public const string Text = "mailThread.record.text";
    public const string Submit = "mailThread.record.submit";
    public const string Done = "mailThread.record.done";
    public const string Code = "mailThread.record.code";

    /// <summary>{0} the sender's address.</summary>
    public const string Acknowledgement = "mailThread.record.ack";

    public const string OpenCase = "mailThread.record.open-case";
    public const string Another = "mailThread.record.another";

    /// <summary>Said to the citizen in the acknowledgement (the mail's notes): staff recorded a mail that reached us another way.</summary>
    public const string RecordedNote = "mailThread.recorded-note";
}
