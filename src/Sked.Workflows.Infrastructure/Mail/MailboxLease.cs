using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// One node at a time reads a mailbox: the cursor row names its holder until a time, taken or
/// renewed with one conditional UPDATE, so two nodes can never both believe they hold it. A holder
/// that dies is replaced once its time has run out.
/// </summary>
public sealed class MailboxLease(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
{
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Takes or renews the mailbox for <paramref name="period"/>; the cursor when held, null when another node holds it.</summary>
    public async Task<MailboxCursor?> HoldAsync(string mailbox, TimeSpan period, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var until = now + period;
        var taken = await db.MailboxCursors
            .Where(c => c.Mailbox == mailbox && (c.Holder == null || c.Holder == Holder || c.HeldUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Holder, Holder).SetProperty(c => c.HeldUntil, until), cancellationToken);
        if (taken == 0 && !await db.MailboxCursors.AnyAsync(c => c.Mailbox == mailbox, cancellationToken))
        {
            db.MailboxCursors.Add(new MailboxCursor { Mailbox = mailbox, Holder = Holder, HeldUntil = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                taken = 1;
            }
            catch (DbUpdateException)
            {
                // Another node created it first; it holds the mailbox.
            }
        }

        return taken == 0 ? null : await db.MailboxCursors.AsNoTracking().SingleAsync(c => c.Mailbox == mailbox, cancellationToken);
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
    public async Task ReleaseAsync(string mailbox, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.MailboxCursors
            .Where(c => c.Mailbox == mailbox && c.Holder == Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Holder, (string?)null).SetProperty(c => c.HeldUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
