namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>The catalogue codes of the dead-letter list and its retry (<c>outbox.*</c>, <c>outboxAdmin.*</c> in Catalogue.resx).</summary>
public static class OutboxAdminTexts
{
    public const string UnknownStatus = "outbox.unknown-status";
    public const string PageInvalid = "outbox.page-invalid";
    public const string MessageNotFound = "outbox.message-not-found";
    public const string NotDead = "outbox.not-dead";
    public const string Retried = "outbox.retried";
    public const string Cancelled = "outbox.cancelled";

    /// <summary>Cancel refused: the message was sent, cancelled already, or is being sent right now.</summary>
    public const string NotCancellable = "outbox.not-cancellable";
    public const string Cancel = "outboxAdmin.cancel";
    public const string StatusLabel = "outboxAdmin.status";

    /// <summary>The status filter's label family: outboxStatus.dead…</summary>
    public const string StatusFamily = "outboxStatus";

    public const string Title = "outboxAdmin.title";
    public const string Intro = "outboxAdmin.intro";
    public const string Kind = "outboxAdmin.kind";
    public const string TrackingCode = "outboxAdmin.tracking-code";
    public const string Recipient = "outboxAdmin.recipient";
    public const string Attempts = "outboxAdmin.attempts";
    public const string LastError = "outboxAdmin.last-error";
    public const string Created = "outboxAdmin.created";
    public const string GivenUp = "outboxAdmin.given-up";
    public const string Retry = "outboxAdmin.retry";
    public const string Empty = "outboxAdmin.empty";

    /// <summary>The family of the message kinds' labels: outboxKind.notify.sms…</summary>
    public const string KindFamily = "outboxKind";
}
