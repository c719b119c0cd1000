namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>Text the outbox puts in what it sends (e-mail subjects); the sentences are in the catalogue.</summary>
public static class OutboxTexts
{
    /// <summary>{0} tracking code.</summary>
    public const string AnswerSubject = "outbox.answer-subject";

    /// <summary>A mail whose notify node gives no subject; {0} the case's subject.</summary>
    public const string DefaultSubject = "outbox.default-subject";
}
