using System.Text.Json.Nodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Definitions;

/// <summary>A broken definition file stops the start-up and says where it is broken.</summary>
public abstract class DefinitionLoadingScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task BrokenDefinitionFile_StopsStartUp_NamingFileNodeAndReason()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "request", d => WorkflowFolder.Node(d, "edesk-review")["type"] = "magicTask");

        var error = await Assert.ThrowsAsync<InvalidDefinitionException>(async () =>
            await TestApp.StartAsync(await databases.CreateAsync(store), folder));

        var reported = Assert.Single(error.Errors, e => e.NodeId == "edesk-review");
        Assert.Equal("request.json", reported.File);
        Assert.Contains("unknown node type 'magicTask'", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefinitionWhoseIdIsNotItsFileName_IsRefused()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "suggestion", d => d["id"] = JsonValue.Create("complaint"));

        var error = await Assert.ThrowsAsync<InvalidDefinitionException>(async () =>
            await TestApp.StartAsync(await databases.CreateAsync(store), folder));

        Assert.Contains(error.Errors, e => e.File == "suggestion.json" && e.Message.Contains("file name", StringComparison.Ordinal));
    }
}

public sealed class DefinitionLoadingOnSqlite(TestDatabases databases) : DefinitionLoadingScenarios(databases, Store.Sqlite);

public sealed class DefinitionLoadingOnPostgres(TestDatabases databases) : DefinitionLoadingScenarios(databases, Store.Postgres);
