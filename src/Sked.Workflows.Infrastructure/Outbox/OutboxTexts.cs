namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>Text the outbox puts in what it sends (e-mail subjects); the sentences are in the catalogue.</summary>
public static class OutboxTexts
{
    /// <summary>{0} tracking code.</summary>
    public const string AnswerSubject = "outbox.answer-subject";
}
