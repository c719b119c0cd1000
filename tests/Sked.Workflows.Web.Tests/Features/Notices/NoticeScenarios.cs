using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Notices;

/// <summary>The staff bell: who hears of a task assigned, returned, nearing its deadline or escalated, and reading.</summary>
public abstract class NoticeScenarios(TestDatabases databases, Store store)
{
    private static readonly TimeSpan TimerWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AssignedTask_RingsTheAssigneesBellOnly_UntilTheyReadIt()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var (code, task) = await RoutedTaskAsync(app);
        using var head = await app.LoginAsync("head.billing");
        using var staff = await app.LoginAsync("staff.billing");
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assign", new { assignee = "staff.billing" })).StatusCode);

        var bell = await NoticesAsync(staff);
        var assigned = Assert.Single(Items(bell), n => n["kind"]!.GetValue<string>() == "assigned");
        Assert.Equal(code, assigned["trackingCode"]!.GetValue<string>());
        Assert.Equal(1, bell["unread"]!.GetValue<int>());
        Assert.DoesNotContain(Items(await NoticesAsync(head)), n => n["kind"]!.GetValue<string>() == "assigned");

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/notices/{assigned["id"]!.GetValue<string>()}/read", null)).StatusCode);
        Assert.Equal(0, (await NoticesAsync(staff))["unread"]!.GetValue<int>());
        Assert.True(Items(await NoticesAsync(staff)).Single(n => n["kind"]!.GetValue<string>() == "assigned")["read"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ReturnedTask_RingsTheGroupItCameBackTo_EachMemberReadingForThemselves()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var (code, task) = await RoutedTaskAsync(app);
        using var staff = await app.LoginAsync("staff.billing");
        var back = await CaseApi.CompleteAsync(staff, task, "return", new { note = "مربوط به واحد ما نیست." });
        Assert.True(back.IsSuccessStatusCode, await back.Content.ReadAsStringAsync());
        using var edesk = await app.LoginAsync("edesk");

        var returned = Assert.Single(Items(await NoticesAsync(edesk)), n => n["kind"]!.GetValue<string>() == "returned");
        Assert.Equal(code, returned["trackingCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await edesk.PostAsync("/api/v1/notices/read", null)).StatusCode);
        Assert.Equal(0, (await NoticesAsync(edesk))["unread"]!.GetValue<int>());
    }

    [Fact]
    public async Task NearingTheDeadline_RemindsTheHolder_ThenEscalationRingsTheHead()
    {
        var folder = EscalatingComplaints("PT2S", "PT4S");
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), folder);
        var (code, task) = await RoutedTaskAsync(app);
        using var staff = await app.LoginAsync("staff.billing");
        Assert.True((await CaseApi.ClaimAsync(staff, task)).IsSuccessStatusCode);
        using var head = await app.LoginAsync("head.billing");

        var reminder = await Eventually.GetAsync(async () => Items(await NoticesAsync(staff)).FirstOrDefault(n => n["kind"]!.GetValue<string>() == "reminder"),
            TimerWait, "the reminder in the holder's bell");
        var escalated = await Eventually.GetAsync(async () => Items(await NoticesAsync(head)).FirstOrDefault(n => n["kind"]!.GetValue<string>() == "escalated"),
            TimerWait, "the escalation in the head's bell");

        Assert.Equal(code, reminder["trackingCode"]!.GetValue<string>());
        Assert.Equal(code, escalated["trackingCode"]!.GetValue<string>());
        Assert.DoesNotContain(Items(await NoticesAsync(head)), n => n["kind"]!.GetValue<string>() == "reminder");
    }

    [Fact]
    public async Task ALatePoll_ThatFindsBothDue_StillRemindsTheHolderBeforeEscalating()
    {
        var folder = EscalatingComplaints("PT30M", "PT1H");
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), folder, configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var (code, task) = await RoutedTaskAsync(app);
        using (var holder = await app.LoginAsync("staff.billing"))
        {
            Assert.True((await CaseApi.ClaimAsync(holder, task)).IsSuccessStatusCode);
        }

        // The node was down for both moments: the first poll after it finds the reminder and the escalation due.
        time.Advance(TimeSpan.FromHours(2));
        using var staff = await app.LoginAsync("staff.billing");
        using var head = await app.LoginAsync("head.billing");

        var escalated = await Eventually.GetAsync(async () => Items(await NoticesAsync(head)).FirstOrDefault(n => n["kind"]!.GetValue<string>() == "escalated"),
            TimerWait, "the escalation in the head's bell");
        Assert.Equal(code, escalated["trackingCode"]!.GetValue<string>());
        Assert.Contains(Items(await NoticesAsync(staff)), n => n["kind"]!.GetValue<string>() == "reminder");
        Assert.DoesNotContain(Items(await NoticesAsync(head)), n => n["kind"]!.GetValue<string>() == "reminder");
    }

    [Fact]
    public async Task Notices_NeedASignedInMember_AndAnotherMembersNoticeIsNotTheirsToRead()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var (_, task) = await RoutedTaskAsync(app);
        using var head = await app.LoginAsync("head.billing");
        await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assign", new { assignee = "staff.billing" });
        using var staff = await app.LoginAsync("staff.billing");
        var id = Items(await NoticesAsync(staff)).Single(n => n["kind"]!.GetValue<string>() == "assigned")["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/notices")).StatusCode);
        var foreign = await (await app.LoginAsync("staff.metering")).PostAsync($"/api/v1/notices/{id}/read", null);
        Assert.Equal(0, (await foreign.Content.ReadFromJsonAsync<JsonObject>())!["read"]!.GetValue<int>());
        Assert.Equal(1, (await NoticesAsync(staff))["unread"]!.GetValue<int>());
    }

    /// <summary>Workflows whose department answer is due at <paramref name="due"/>: a reminder at <paramref name="remind"/>, the head's at the deadline.</summary>
    private string EscalatingComplaints(string remind, string due)
    {
        var folder = WorkflowFolder.CopyTo(databases.NewFolder());
        WorkflowFolder.Edit(folder, "complaint", d =>
        {
            var properties = WorkflowFolder.Node(d, "department-answer")["properties"]!.AsObject();
            properties["sla"] = due;
            properties["escalation"] = new JsonArray(
                new JsonObject { ["after"] = remind, ["action"] = "remind" },
                new JsonObject { ["after"] = due, ["action"] = "reassignToHead" });
        });
        return folder;
    }

    private static async Task<(string Code, string Task)> RoutedTaskAsync(TestApp app)
    {
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        using var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).StatusCode);
        return (code, (await CaseApi.TaskForAsync(await app.LoginAsync("staff.billing"), code))!["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> NoticesAsync(HttpClient member) => (await member.GetFromJsonAsync<JsonObject>("/api/v1/notices"))!;

    private static IEnumerable<JsonObject> Items(JsonObject bell) => bell["notices"]!.AsArray().Select(n => n!.AsObject());
}

public sealed class NoticesOnSqlite(TestDatabases databases) : NoticeScenarios(databases, Store.Sqlite);

public sealed class NoticesOnPostgres(TestDatabases databases) : NoticeScenarios(databases, Store.Postgres);
