using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// The one lease mechanism for work that must run on exactly one node (reading the mailbox, asking the
/// SMS operator for delivery reports): a named row in <c>mailbox_cursors</c> names its holder until a time,
/// taken or renewed with one conditional UPDATE, so two nodes can never both believe they hold it. A holder
/// that dies is replaced by another node once its time has run out; one that stops lets go at once. The
/// mailbox's own row also carries its read position (<see cref="MailboxLease"/>); other work's rows carry
/// only the lease. Holders renew well within the period, so a short period moves work within seconds.
/// </summary>
public sealed partial class SingletonLease(IDbContextFactory<SkedDbContext> dbFactory, NodeIdentity node, TimeProvider time, ILogger<SingletonLease> logger)
{
    /// <summary>What the row records as its holder: this node's name and this start's id.</summary>
    public string Holder { get; } = node.ToString();

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="period"/>; false when another node holds it.</summary>
    public async Task<bool> HoldAsync(string name, TimeSpan period, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var until = now + period;
        var taken = await db.MailboxCursors
            .Where(c => c.Mailbox == name && (c.Holder == null || c.Holder == Holder || c.HeldUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Holder, Holder).SetProperty(c => c.HeldUntil, until), cancellationToken);
        if (taken == 0 && !await db.MailboxCursors.AnyAsync(c => c.Mailbox == name, cancellationToken))
        {
            db.MailboxCursors.Add(new MailboxCursor { Mailbox = name, Holder = Holder, HeldUntil = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                taken = 1;
            }
            catch (DbUpdateException)
            {
                // Another node created it first; it holds the lease.
            }
        }

        return taken == 1;
    }

    /// <summary>
    /// Lets <paramref name="name"/> go at shutdown, so another node need not wait for the lease to run out. A
    /// database that cannot take the write (down, its disk full) is only logged: the lease runs out anyway, and
    /// a worker's failure here would stop the whole app (a background service that throws stops the host).
    /// </summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.MailboxCursors
                .Where(c => c.Mailbox == name && c.Holder == Holder)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Holder, (string?)null).SetProperty(c => c.HeldUntil, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            LogReleaseFailed(logger, name, ex.Message);
        }
    }

    /// <summary>Who holds <paramref name="name"/> now, or null (the tests and the health page read it).</summary>
    public async Task<string?> HolderOfAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.MailboxCursors.AsNoTracking().Where(c => c.Mailbox == name && c.HeldUntil >= now)
            .Select(c => c.Holder).FirstOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not let the lease {Name} go ({Error}); it runs out by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string name, string error);
}
