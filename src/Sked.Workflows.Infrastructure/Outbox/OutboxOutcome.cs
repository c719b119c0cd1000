namespace Sked.Workflows.Infrastructure.Outbox;

/// <summary>What became of one leased message on its way out.</summary>
public sealed record OutboxOutcome(OutboxMessage Message, OutboxOutcomeKind Kind, string? Error = null)
{
    public static OutboxOutcome Delivered(OutboxMessage message) => new(message, OutboxOutcomeKind.Delivered);

    public static OutboxOutcome Failed(OutboxMessage message, string error) => new(message, OutboxOutcomeKind.Failed, error);

    /// <summary>Not tried (the node is stopping): the lease is given back, no attempt counted.</summary>
    public static OutboxOutcome Abandoned(OutboxMessage message) => new(message, OutboxOutcomeKind.Abandoned);
}

public enum OutboxOutcomeKind
{
    Delivered,
    Failed,
    Abandoned,
}
