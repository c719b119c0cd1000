using Sked.Workflows.Testing;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>SQLite stays one node: a second process on the same database file is refused at start-up, saying why.</summary>
public sealed class SqliteSingleNodeTests(TestDatabases databases)
{
    [Fact]
    public async Task ASecondProcessOnTheSameSqliteFile_IsRefusedAtStartUp_AndTheFirstKeepsServing()
    {
        var database = await databases.CreateAsync(Store.Sqlite);
        await using var first = await TestApp.StartAsync(database);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Sked"] = database.ConnectionString,
            ["Search:CaseIndexPath"] = Path.Combine(databases.NewFolder(), "index"),
        };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeProcess.StartAsync("second", settings, databases.NewFolder()));

        Assert.Contains("SQLite is for one node only", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await CaseApi.SubmitAsync(first.Anonymous(), CaseApi.Complaint()));
    }
}
