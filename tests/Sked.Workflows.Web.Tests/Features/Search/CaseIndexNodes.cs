using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Search;

/// <summary>
/// Each node keeps its own index folder: a node that starts with an empty folder rebuilds it from the
/// database, a restart reads on from where its folder stopped, and a case written on one node reaches the
/// other's index through the audit chain.
/// </summary>
public abstract class CaseIndexNodes(TestDatabases databases, Store store)
{
    private static object Complaint(string subject) => CaseApi.Complaint(subject, "متن شکایت برای آزمون جست‌وجو.");

    [Fact]
    public async Task AMissingIndexIsRebuilt_ARestartReadsOn_AndAnotherNodesCasesArrive()
    {
        var database = await databases.CreateAsync(store);
        var folderA = Path.Combine(databases.NewFolder(), "index");
        var before = await StartAsync(database, folderA);
        var first = await CaseApi.SubmitAsync(before.Anonymous(), Complaint("ترانسفورماتور محله صدا می‌دهد"));
        await before.DisposeAsync();

        await using var nodeA = await StartAsync(database, folderA);
        await using var nodeB = await StartAsync(database, Path.Combine(databases.NewFolder(), "index"));
        var second = await CaseApi.SubmitAsync(nodeA.Anonymous(), Complaint("سیم برق روی زمین افتاده"));
        await CaseIndexProbe.CaughtUpAsync(nodeA);
        await CaseIndexProbe.CaughtUpAsync(nodeB);

        foreach (var node in new[] { nodeA, nodeB })
        {
            var index = node.Service<CaseIndex>();
            Assert.Single(index.Find("ترانسفورماتور", null, 10)!);
            Assert.Single(index.Find("سیم زمین", null, 10)!);
        }

        Assert.NotEqual(first, second);
    }

    private static Task<TestApp> StartAsync(DatabaseTarget database, string folder) =>
        TestApp.StartAsync(database, settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["Search:CaseIndexPath"] = folder });
}

public sealed class CaseIndexNodesOnSqlite(TestDatabases databases) : CaseIndexNodes(databases, Store.Sqlite);

public sealed class CaseIndexNodesOnPostgres(TestDatabases databases) : CaseIndexNodes(databases, Store.Postgres);
