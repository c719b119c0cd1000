namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>The channel's sentences; the Persian is in the catalogue under these codes.</summary>
public static class MailTexts
{
    /// <summary>{0} file name, {1} the limit in megabytes.</summary>
    public const string AttachmentTooLarge = "mail.attachment-too-large";

    /// <summary>{0} file name.</summary>
    public const string AttachmentType = "mail.attachment-type";

    /// <summary>{0} file name, {1} the most attachments kept.</summary>
    public const string AttachmentTooMany = "mail.attachment-too-many";

    /// <summary>{0} the tag as written: a tag whose code is wrong or belongs to another sender.</summary>
    public const string TagNotMatched = "mail.tag-not-matched";

    public const string NoSubject = "mail.no-subject";
    public const string NoText = "mail.no-text";

    /// <summary>The text was cut at the longest a case keeps.</summary>
    public const string TextCut = "mail.text-cut";

    /// <summary>Heading of the notes said in the next mail (refused attachments, a tag that did not match).</summary>
    public const string NotesHeading = "mail.notes-heading";

    public const string SuppressedAutomatic = "mail.suppressed-automatic";
    public const string SuppressedTooMany = "mail.suppressed-too-many";

    /// <summary>Staff notice: {0} tracking code: the citizen replied.</summary>
    public const string CitizenReplied = "mail.citizen-replied";

    /// <summary>The citizen's timeline: a mail of theirs joined the case.</summary>
    public const string TimelineReply = "mail.timeline-reply";

    /// <summary>The display name of our From address.</summary>
    public const string FromName = "mail.from-name";

    /// <summary>Closing line of every mail's HTML: how to reply.</summary>
    public const string ReplyHint = "mail.reply-hint";
}
