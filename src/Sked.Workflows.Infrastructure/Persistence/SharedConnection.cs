using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// A second context on another context's open connection and transaction: its own change tracker,
/// the same unit of durability. Built directly from the owner's options rather than taken from the
/// (pooled) factory, because a pooled context must never go back to the pool bound to a borrowed
/// connection.
/// </summary>
internal static class SharedConnection
{
    public static async Task<SkedDbContext> OpenAsync(SkedDbContext owner, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var context = (SkedDbContext)Activator.CreateInstance(owner.GetType(), owner.GetService<IDbContextOptions>())!;
        context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        // The transaction belongs to the owner; this context never opens savepoints of its own.
        context.Database.AutoSavepointsEnabled = false;
        return context;
    }
}
