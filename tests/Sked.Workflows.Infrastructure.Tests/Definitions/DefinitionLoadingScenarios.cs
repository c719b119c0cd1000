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
        Assert.Equal(DefinitionErrors.UnknownNodeType, reported.Code);
        Assert.Equal("magicTask", reported.Message.Args[0]);
    }

    [Fact]
    public async Task DefinitionWhoseIdIsNotItsFileName_IsRefused()
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "suggestion", d => d["id"] = JsonValue.Create("complaint"));

        var error = await Assert.ThrowsAsync<InvalidDefinitionException>(async () =>
            await TestApp.StartAsync(await databases.CreateAsync(store), folder));

        Assert.Contains(error.Errors, e => e.File == "suggestion.json" && e.Code == DefinitionErrors.IdNotFileName);
    }
}

public sealed class DefinitionLoadingOnSqlite(TestDatabases databases) : DefinitionLoadingScenarios(databases, Store.Sqlite);

public sealed class DefinitionLoadingOnPostgres(TestDatabases databases) : DefinitionLoadingScenarios(databases, Store.Postgres);
