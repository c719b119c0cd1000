using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Testing;

/// <summary>The audit chain as tests check it: verified whole, and opened to tampering the way an attacker would.</summary>
public static class AuditChecks
{
    public static Task<ChainVerification> VerifyAuditChainAsync(this TestApp app, IReadOnlyDictionary<long, byte[]>? anchors = null) =>
        app.Service<AuditChainVerifier>().VerifyAsync(anchors, CancellationToken.None);

    /// <summary>A context on the test database outside the app, optionally sealing with its own sealer (another clock).</summary>
    public static SkedDbContext OpenDatabase(DatabaseTarget database, AuditChainSealer? sealer = null)
    {
        if (database.Store == Store.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresSkedDbContext>().UseNpgsql(database.ConnectionString);
            return new PostgresSkedDbContext((sealer is null ? postgres : postgres.AddInterceptors(sealer)).Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteSkedDbContext>().UseSqlite(database.ConnectionString);
        return new SqliteSkedDbContext((sealer is null ? sqlite : sqlite.AddInterceptors(sealer)).Options);
    }

    /// <summary>What someone with the database does first: takes away the append-only triggers.</summary>
    public static Task AllowAuditChangesAsync(SkedDbContext db, Store store) => store == Store.Postgres
        ? db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER USER;")
        : db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
}
