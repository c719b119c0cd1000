namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The chain head as this process last sealed it, so the next seal on PostgreSQL can link its events
/// without first reading the head in a round trip of its own (docs/adr/0006). It is a guess: another node
/// may have sealed since, or the transaction of the last seal may not have committed. The seal's statements
/// check it against the locked head and write nothing on a wrong guess; the seal then links again on the head
/// it locked. Seals of this process take turns on <see cref="Turn"/> until their head's update has run, so the
/// row lock orders their commits as the guesses ordered their links.
/// </summary>
internal sealed class AuditChainTip
{
    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>The head after this process's last seal; null when unknown (at start, and after a seal failed).</summary>
    public AuditChainHead? Known { get; set; }
}
