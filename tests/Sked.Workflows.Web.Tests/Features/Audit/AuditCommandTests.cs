using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Audit;

namespace Sked.Workflows.Web.Tests.Features.Audit;

/// <summary>The operator's `audit verify` and `audit checkpoints` commands, against the configured database (SQLite).</summary>
public sealed class AuditCommandTests(TestDatabases databases)
{
    [Fact]
    public async Task AuditVerify_Exits0ForAnIntactChain_1ForATamperedOne_AndChecksAnEarlierCheckpointExport()
    {
        var database = await databases.CreateAsync(Store.Sqlite);
        await using var app = await TestApp.StartAsync(database);
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var export = Path.Combine(databases.NewFolder(), "checkpoints.csv");
        await using (var writer = new StreamWriter(export))
        {
            await ChainCheckpoints.WriteAsync(writer, await app.Service<AuditChainVerifier>().CheckpointsAsync(default));
        }

        string[] configuration = ["--environment=Testing", "--Database:Provider=Sqlite", $"--ConnectionStrings:Sked={database.ConnectionString}"];
        Assert.Equal(0, await AuditCommand.RunAsync(["audit", "verify", .. configuration]));
        Assert.Equal(0, await AuditCommand.RunAsync(["audit", "verify", "--checkpoints", export, .. configuration]));
        Assert.Equal(0, await AuditCommand.RunAsync(["audit", "checkpoints", .. configuration]));
        Assert.Equal(2, await AuditCommand.RunAsync(["audit", "rewrite", .. configuration]));

        await using var db = AuditChecks.OpenDatabase(database);
        await AuditChecks.AllowAuditChangesAsync(db, Store.Sqlite);
        await db.Database.ExecuteSqlRawAsync("""UPDATE audit_events SET "Actor" = 'someone-else' WHERE "Seq" = 2""");
        Assert.Equal(1, await AuditCommand.RunAsync(["audit", "verify", .. configuration]));
    }
}
