using System.Net;
using System.Net.Http.Json;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Synonyms;

/// <summary>
/// A synonym group added on one node is used by the other node's matcher within seconds, without a restart
/// (issue 18's two nodes on one PostgreSQL), so a citizen gets the same answer from either.
/// </summary>
public sealed class SynonymsOnTwoNodesTests(TestDatabases databases)
{
    [Fact]
    public async Task AGroupAddedOnNodeA_FoldsTheWordsOnNodeB_WithinSeconds()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var nodeA = await TestApp.StartAsync(database);
        await using var nodeB = await TestApp.StartAsync(database);
        const string question = "سرقت کابل برق را کجا گزارش کنم؟";
        var entry = (await SynonymTableScenarios.PublishAsync(nodeA, question))[question];
        var citizenOfB = nodeB.Anonymous();
        Assert.False(await SynonymTableScenarios.SameQuestionAsync(citizenOfB, "دزدی کابل", entry));

        using var edesk = await nodeA.LoginAsync("edesk");
        var added = await edesk.PostAsJsonAsync("/api/v1/synonyms", SynonymTableScenarios.Group("سرقت", "دزدی"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var version = nodeA.Service<CurrentSynonyms>().Table.Version;

        await Eventually.GetAsync(
            () => Task.FromResult(nodeB.Service<CurrentSynonyms>().Table.Version == version ? "reloaded" : null),
            TimeSpan.FromSeconds(25), "node B to reload the synonym table node A changed");
        Assert.True(await SynonymTableScenarios.SameQuestionAsync(citizenOfB, "دزدی کابل", entry), "node B's matcher folds «دزدی» to «سرقت»");
    }
}
