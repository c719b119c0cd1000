using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Cases;

/// <summary>
/// A duplicate merged into the case kept stops being work of its own: its workflow completes in the merge's unit
/// (audited, its timers stopped), so weeks later it is not overdue on the SLA page, while the answer given on the
/// case kept still reaches the duplicate citizen's tracking page.
/// </summary>
public abstract class MergeEndsDuplicateScenarios(TestDatabases databases, Store store)
{
    // Saturday 1405/09/01 (22 November 2026), 09:00 in Tehran.
    private static readonly DateTimeOffset Saturday = JalaliDate.At(JalaliDate.FromJalali(1405, 9, 1), new TimeOnly(9, 0)).ToUniversalTime();

    private static object Case(string subject) => new
    {
        type = "complaint",
        subject,
        body = "لطفاً رسیدگی کنید.",
        citizen = new { name = "مریم احمدی", nationalCode = "0499370899", mobile = "09121112233" },
    };

    [Fact]
    public async Task MergingADuplicate_EndsItsWorkflow_SoItIsNeverOverdue_AndTheAnswerStillReachesIt()
    {
        var time = new FakeTimeProvider(Saturday);
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var citizen = app.Anonymous();
        var kept = await CaseApi.SubmitAsync(citizen, Case("کنتور برق خانه خراب شده است"));
        var duplicate = await CaseApi.SubmitAsync(citizen, Case("كنتور خونه خرابه"));
        using (var edesk = await app.LoginAsync("edesk"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await edesk.PostAsJsonAsync($"/api/v1/cases/{duplicate}/merge", new { into = kept })).StatusCode);
        }

        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.TrackingCode == duplicate);
            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == @case.Id);
            Assert.Equal(InstanceStatus.Completed, instance.Status);
            Assert.Equal(Saturday, instance.CompletedAt);
            Assert.Equal(Saturday, @case.ClosedAt);
            Assert.False(await db.Timers.AnyAsync(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending));
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.TrackingCode == duplicate).ToListAsync();
            var merged = Assert.Single(events, e => e.Type == "case.merged");
            var completed = Assert.Single(events, e => e.Type == "instance.completed");
            Assert.Equal((merged.At, merged.Actor), (completed.At, completed.Actor));
            var keptId = await db.Cases.Where(c => c.TrackingCode == kept).Select(c => c.Id).SingleAsync();
            Assert.Equal(InstanceStatus.Waiting, (await db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == keptId)).Status);
        }

        // A month on, past both promises: only the case kept is overdue.
        time.Advance(TimeSpan.FromDays(30));
        using var admin = await app.LoginAsync("admin");
        var report = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/sla"))!;
        var overdue = report["overdue"]!.AsArray().Select(o => o!["trackingCode"]!.GetValue<string>()).ToList();
        Assert.Equal([kept], overdue);
        var complaints = Assert.Single(report["byCaseType"]!.AsArray(), r => r!["key"]!.GetValue<string>() == "complaint")!;
        // The case kept, open past its promise, is late and open; the duplicate is not counted again.
        Assert.Equal((0, 1, 1), (complaints["onTime"]!.GetValue<int>(), complaints["late"]!.GetValue<int>(), complaints["open"]!.GetValue<int>()));

        await AnswerAsync(app, kept, "کنتور شما فردا تعویض می‌شود.");
        var tracked = await CaseApi.TrackAsync(citizen, duplicate);
        Assert.Equal("کنتور شما فردا تعویض می‌شود.", tracked["answer"]!["text"]!.GetValue<string>());
    }

    private static async Task AnswerAsync(TestApp app, string code, string answer)
    {
        using var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).EnsureSuccessStatusCode();
        using var billing = await app.LoginAsync("staff.billing");
        var task = (await CaseApi.TaskForAsync(billing, code))!["id"]!.GetValue<string>();
        (await CaseApi.CompleteAsync(billing, task, "answer", new { answer })).EnsureSuccessStatusCode();
    }
}

public sealed class MergeEndsDuplicateOnSqlite(TestDatabases databases) : MergeEndsDuplicateScenarios(databases, Store.Sqlite);

public sealed class MergeEndsDuplicateOnPostgres(TestDatabases databases) : MergeEndsDuplicateScenarios(databases, Store.Postgres);
