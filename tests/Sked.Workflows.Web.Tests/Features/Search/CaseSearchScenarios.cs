using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Search;

/// <summary>
/// The inbox's and the auditors' text search go through the case index: other spellings and colloquial
/// Persian find the case, the citizen's name and the answer do too, and nobody finds a case outside their queues.
/// </summary>
public abstract class CaseSearchScenarios(TestDatabases databases, Store store)
{
    private static readonly object Meter = new
    {
        type = "complaint",
        subject = "کنتور برق خانه‌ام خراب شده است",
        body = "از دیروز شمارنده کار نمی‌کند و عدد نشان نمی‌دهد.",
        citizen = new { name = "مریم احمدی", nationalCode = "0499370899", mobile = "09121112233" },
    };

    private static readonly object Pole = new
    {
        type = "complaint",
        subject = "تیر برق کوچه کج شده",
        body = "تیر روبه‌روی پلاک ۱۲ خطرناک است.",
        citizen = new { name = "رضا کریمی", nationalCode = "0012345679", mobile = "09351234567" },
    };

    [Fact]
    public async Task TheInbox_FindsACase_InOtherSpellings_AndOnlyInTheMembersQueues()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var meter = await CaseApi.SubmitAsync(app.Anonymous(), Meter);
        var pole = await CaseApi.SubmitAsync(app.Anonymous(), Pole);
        await CaseIndexProbe.CaughtUpAsync(app);
        var edesk = await app.LoginAsync("edesk");

        Assert.Equal([meter], await SearchAsync(edesk, "کنتور خانه ام"));
        Assert.Equal([meter], await SearchAsync(edesk, "كنتور خراب"));
        Assert.Equal([meter], await SearchAsync(edesk, "احمدی"));
        Assert.Equal([pole], await SearchAsync(edesk, "دکل کج"));
        Assert.Equal([meter], await SearchAsync(edesk, "کنتو"));
        Assert.Empty(await SearchAsync(await app.LoginAsync("staff.billing"), "کنتور"));
    }

    [Fact]
    public async Task TheAnswer_IsSearchable_AndTheAuditorsFindTheCasesEvents()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var meter = await CaseApi.SubmitAsync(app.Anonymous(), Meter);
        await CaseApi.SubmitAsync(app.Anonymous(), Pole);
        var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, meter))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).EnsureSuccessStatusCode();
        var billing = await app.LoginAsync("staff.billing");
        var task = (await CaseApi.TaskForAsync(billing, meter))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(billing, task, "answer", new { answer = "مامور تعویض دستگاه فردا مراجعه می‌کند." })).EnsureSuccessStatusCode();
        await CaseIndexProbe.CaughtUpAsync(app);

        var auditor = await app.LoginAsync("auditor");
        var events = await auditor.GetFromJsonAsync<JsonObject>("/api/v1/audit/events?pageSize=200&text=" + Uri.EscapeDataString("تعویض دستگاه"));
        var codes = events!["items"]!.AsArray().Select(e => e!["trackingCode"]?.GetValue<string>()).Distinct().ToList();

        Assert.Equal([meter], codes);
        Assert.True(events["total"]!.GetValue<int>() > 2);
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string text) =>
        [.. (await CaseApi.TasksAsync(client, "available&search=" + Uri.EscapeDataString(text))).Select(t => t["trackingCode"]!.GetValue<string>()).Distinct()];
}

public sealed class CaseSearchOnSqlite(TestDatabases databases) : CaseSearchScenarios(databases, Store.Sqlite);

public sealed class CaseSearchOnPostgres(TestDatabases databases) : CaseSearchScenarios(databases, Store.Postgres);
