using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Tests.Features.Search;

namespace Sked.Workflows.Web.Tests.Features.Synonyms;

/// <summary>
/// The inbox's text search follows the synonym table at once, without re-indexing the cases: a group added
/// finds a case worded with the other word, a shipped group removed no longer does.
/// </summary>
public sealed class CaseSearchSynonymsTests(TestDatabases databases)
{
    private static readonly object Theft = new
    {
        type = "complaint",
        subject = "دزدی کابل برق کوچه",
        body = "شب گذشته کابل‌های تیر روبه‌روی پلاک ۸ را بریدند.",
        citizen = new { name = "مریم احمدی", nationalCode = "0499370899", mobile = "09121112233" },
    };

    [Fact]
    public async Task TheInbox_FindsTheCaseByASynonymAddedAfterItWasIndexed_AndNotByAGroupRemoved()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var theft = await CaseApi.SubmitAsync(app.Anonymous(), Theft);
        await CaseIndexProbe.CaughtUpAsync(app);
        var edesk = await app.LoginAsync("edesk");
        Assert.Empty(await SearchAsync(edesk, "سرقت کابل"));
        Assert.Equal([theft], await SearchAsync(edesk, "دکل"));

        Assert.Equal(HttpStatusCode.Created, (await edesk.PostAsJsonAsync("/api/v1/synonyms", SynonymTableScenarios.Group("سرقت", "دزدی"))).StatusCode);
        var poles = (await edesk.GetFromJsonAsync<JsonObject>("/api/v1/synonyms"))!["groups"]!.AsArray().Single(g => g!["words"]![0]!.GetValue<string>() == "تیر")!;
        Assert.Equal(HttpStatusCode.NoContent, (await edesk.DeleteAsync($"/api/v1/synonyms/{poles["id"]!.GetValue<long>()}")).StatusCode);

        Assert.Equal([theft], await SearchAsync(edesk, "سرقت کابل"));
        Assert.Empty(await SearchAsync(edesk, "دکل"));
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string text) =>
        [.. (await CaseApi.TasksAsync(client, "available&search=" + Uri.EscapeDataString(text))).Select(t => t["trackingCode"]!.GetValue<string>()).Distinct()];
}
