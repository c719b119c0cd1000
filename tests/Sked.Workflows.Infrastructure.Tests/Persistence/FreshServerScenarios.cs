using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Persistence;

/// <summary>An operator points the app at a new server: it makes its own database and serves.</summary>
public abstract class FreshServerScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task StartOnAServerWithoutTheDatabase_CreatesItAndTakesCases()
    {
        var database = await databases.NotYetCreatedAsync(store);

        await using var app = await TestApp.StartAsync(database);

        var trackingCode = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        Assert.NotEmpty(trackingCode);
    }
}

public sealed class FreshServerOnSqlite(TestDatabases databases) : FreshServerScenarios(databases, Store.Sqlite);

public sealed class FreshServerOnPostgres(TestDatabases databases) : FreshServerScenarios(databases, Store.Postgres);
