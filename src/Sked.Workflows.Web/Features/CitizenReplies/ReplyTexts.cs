namespace Sked.Workflows.Web.Features.CitizenReplies;

/// <summary>Codes of the sentences about a citizen's answer to staff's question.</summary>
public static class ReplyTexts
{
    /// <summary>{0} the longest answer.</summary>
    public const string TextRequired = "reply.text-required";
    public const string NotFound = "reply.not-found";
    public const string NotAwaiting = "reply.not-awaiting";

    /// <summary>{0} the answer, on the timeline.</summary>
    public const string Timeline = "reply.timeline";

    /// <summary>{0} tracking code, for staff.</summary>
    public const string Notice = "reply.notice";
    public const string Label = "reply.label";
    public const string Send = "reply.send";
    public const string Sent = "reply.sent";
    public const string Question = "reply.question";
}
