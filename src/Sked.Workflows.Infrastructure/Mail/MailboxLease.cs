using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Cluster;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// One node at a time reads a mailbox: the mailbox's cursor row is a <see cref="SingletonLease"/>, and
/// the cursor moves only while this node still holds it.
/// </summary>
public sealed class MailboxLease(IDbContextFactory<SkedDbContext> dbFactory, SingletonLease lease)
{
    public string Holder => lease.Holder;

    /// <summary>Takes or renews the mailbox for <paramref name="period"/>; the cursor when held, null when another node holds it.</summary>
    public async Task<MailboxCursor?> HoldAsync(string mailbox, TimeSpan period, CancellationToken cancellationToken)
    {
        if (!await lease.HoldAsync(mailbox, period, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MailboxCursors.AsNoTracking().SingleAsync(c => c.Mailbox == mailbox, cancellationToken);
    }

    /// <summary>Moves the cursor past a mail done; false when the lease was lost meanwhile (another node reads on).</summary>
    public async Task<bool> AdvanceAsync(string mailbox, long uidValidity, long lastUid, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MailboxCursors
            .Where(c => c.Mailbox == mailbox && c.Holder == Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UidValidity, uidValidity).SetProperty(c => c.LastUid, lastUid), cancellationToken) == 1;
    }

    /// <summary>Lets the mailbox go at shutdown, so another node need not wait for the lease to run out.</summary>
    public Task ReleaseAsync(string mailbox, CancellationToken cancellationToken) => lease.ReleaseAsync(mailbox, cancellationToken);
}
