using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Web.Features.Cases.Duplicates;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Search;

/// <summary>
/// The same citizen writing about the same problem twice (the mobile typed another way, the text in other
/// words) is flagged to the e-desk; another problem or another citizen is not. Merging links the cases so the
/// answer reaches both tracking pages, and both cases' histories record it.
/// </summary>
public abstract class DuplicateCaseScenarios(TestDatabases databases, Store store)
{
    private static object Case(string subject, string nationalCode, string mobile) => new
    {
        type = "complaint",
        subject,
        body = "لطفاً رسیدگی کنید.",
        citizen = new { name = "مریم احمدی", nationalCode, mobile },
    };

    [Fact]
    public async Task ASecondCaseOfTheSameCitizenAndProblem_IsFlagged_AndMergingSharesTheAnswer()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var first = await CaseApi.SubmitAsync(citizen, Case("کنتور برق خانه خراب شده است", "0499370899", "09121112233"));
        var again = await CaseApi.SubmitAsync(citizen, Case("كنتور خونه خرابه", "1234567891", "+98 912 111 2233"));
        var otherProblem = await CaseApi.SubmitAsync(citizen, Case("تیر برق کوچه کج شده", "0499370899", "09121112233"));
        var otherCitizen = await CaseApi.SubmitAsync(citizen, Case("کنتور برق خانه خراب شده است", "0012345679", "09350000000"));
        await CaseIndexProbe.CaughtUpAsync(app);
        var edesk = await app.LoginAsync("edesk");

        Assert.Equal([first], await PossibleAsync(edesk, again));
        Assert.Equal([again], await PossibleAsync(edesk, first));
        Assert.Empty(await PossibleAsync(edesk, otherProblem));
        Assert.Empty(await PossibleAsync(edesk, otherCitizen));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAsync("staff.billing")).GetAsync($"/api/v1/cases/{again}/duplicates")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await MergeAsync(edesk, again, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MergeAsync(edesk, again, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MergeAsync(edesk, otherCitizen, first)).StatusCode);
        Assert.Empty(await PossibleAsync(edesk, again));

        await AnswerAsync(app, edesk, first, "کنتور شما فردا تعویض می‌شود.");
        var tracked = await CaseApi.TrackAsync(citizen, again);
        Assert.Equal("کنتور شما فردا تعویض می‌شود.", tracked["answer"]!["text"]!.GetValue<string>());

        var auditor = await app.LoginAsync("auditor");
        Assert.Contains(await CaseApi.HistoryAsync(auditor, again), e => e["type"]!.GetValue<string>() == "case.merged");
        Assert.Contains(await CaseApi.HistoryAsync(auditor, first), e => e["type"]!.GetValue<string>() == "case.duplicate-linked");
    }

    [Fact]
    public async Task MergingADuplicate_ClosesItsOpenTasks_AuditedInTheSameUnit()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var kept = await CaseApi.SubmitAsync(citizen, Case("کنتور برق خانه خراب شده است", "0499370899", "09121112233"));
        var duplicate = await CaseApi.SubmitAsync(citizen, Case("كنتور خونه خرابه", "0499370899", "09121112233"));
        var edesk = await app.LoginAsync("edesk");
        var task = (await CaseApi.TaskForAsync(edesk, duplicate))!["id"]!.GetValue<string>();
        (await CaseApi.ClaimAsync(edesk, task)).EnsureSuccessStatusCode();
        Assert.NotNull(await CaseApi.TaskForAsync(edesk, duplicate, "mine"));

        Assert.Equal(HttpStatusCode.NoContent, (await MergeAsync(edesk, duplicate, kept)).StatusCode);

        Assert.Null(await CaseApi.TaskForAsync(edesk, duplicate, "mine"));
        Assert.Null(await CaseApi.TaskForAsync(edesk, duplicate));
        Assert.NotNull(await CaseApi.TaskForAsync(edesk, kept));
        Assert.Equal(HttpStatusCode.Conflict, (await CaseApi.CompleteAsync(edesk, task, "route", new { department = "billing" })).StatusCode);

        var history = await CaseApi.HistoryAsync(await app.LoginAsync("auditor"), duplicate);
        var cancelled = Assert.Single(history, e => e["type"]!.GetValue<string>() == "case.duplicate-task-closed");
        var merged = Assert.Single(history, e => e["type"]!.GetValue<string>() == "case.merged");
        Assert.Equal(merged["at"]!.ToString(), cancelled["at"]!.ToString());
        Assert.Contains(history, e => e["type"]!.GetValue<string>() == "timer.cancelled");
    }

    [Fact]
    public void EveryMergeMessage_HasItsSentence() =>
        Assert.All(DuplicateTexts.All, code => Assert.NotEqual(code, Catalogue.Render(code, "1", "2")));

    private static async Task<List<string>> PossibleAsync(HttpClient edesk, string code)
    {
        var view = await edesk.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}/duplicates");
        return [.. view!["possible"]!.AsArray().Select(r => r!["trackingCode"]!.GetValue<string>())];
    }

    private static Task<HttpResponseMessage> MergeAsync(HttpClient edesk, string duplicate, string into) =>
        edesk.PostAsJsonAsync($"/api/v1/cases/{duplicate}/merge", new { into });

    private static async Task AnswerAsync(TestApp app, HttpClient edesk, string code, string answer)
    {
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).EnsureSuccessStatusCode();
        var billing = await app.LoginAsync("staff.billing");
        var task = (await CaseApi.TaskForAsync(billing, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(billing, task, "answer", new { answer })).EnsureSuccessStatusCode();
    }
}

public sealed class DuplicateCasesOnSqlite(TestDatabases databases) : DuplicateCaseScenarios(databases, Store.Sqlite);

public sealed class DuplicateCasesOnPostgres(TestDatabases databases) : DuplicateCaseScenarios(databases, Store.Postgres);
