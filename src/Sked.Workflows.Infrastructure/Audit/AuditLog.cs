using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// Writes an event that is a change by itself (a staff login, a failed one) in its own transaction.
/// Events that record a change to other rows are added to that change's transaction instead.
/// </summary>
public sealed class AuditLog(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
{
    public async Task AppendAsync(AuditEventData data, string actor, string? clientAddress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AuditEvents.Add(new AuditEvent(data, actor)
        {
            At = time.GetUtcNow(),
            ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
