using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Calendar;

/// <summary>
/// The department needs more from the citizen: the question goes out, the case's clock stops; the citizen
/// answers on the tracking page days later and the promised date moves on by the working days waited.
/// </summary>
public abstract class PauseForCitizenScenarios(TestDatabases databases, Store store)
{
    // Saturday 1405/09/01 (22 November 2026), 09:00 in Tehran.
    private static readonly DateTimeOffset Saturday = JalaliDate.At(JalaliDate.FromJalali(1405, 9, 1), new TimeOnly(9, 0)).ToUniversalTime();

    [Fact]
    public async Task AQuestionToTheCitizen_PausesTheClock_AndTheirAnswerResumesItWithTheDateMoved()
    {
        var time = new FakeTimeProvider(Saturday);
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var citizen = app.Anonymous();
        var code = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint());
        var promised = (await CaseApi.TrackAsync(citizen, code))["expectedAnswerAt"]!.GetValue<DateTimeOffset>();

        using var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!;
        Assert.True((await CaseApi.CompleteAsync(edesk, review["id"]!.GetValue<string>(), "route", new { department = "billing" })).IsSuccessStatusCode);
        using var staff = await app.LoginAsync("staff.billing");
        var answer = (await CaseApi.TaskForAsync(staff, code))!;
        var asked = await CaseApi.CompleteAsync(staff, answer["id"]!.GetValue<string>(), "ask", new { question = "شماره اشتراک برق خود را بنویسید." });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        Assert.Equal(CaseStatuses.AwaitingCitizen, (await CaseApi.TrackAsync(citizen, code))["status"]!.GetValue<string>());

        // Three working days later (Tuesday) the citizen answers.
        time.SetUtcNow(JalaliDate.At(JalaliDate.FromJalali(1405, 9, 4), new TimeOnly(10, 0)).ToUniversalTime());
        var replied = await citizen.PostAsJsonAsync($"/api/v1/cases/{code}/reply", new { text = "شماره اشتراک ۱۲۳۴۵۶ است." });
        Assert.Equal(HttpStatusCode.NoContent, replied.StatusCode);

        var tracked = await CaseApi.TrackAsync(citizen, code);
        var moved = tracked["expectedAnswerAt"]!.GetValue<DateTimeOffset>();
        Assert.True(moved > promised, $"{moved} should be after {promised}");
        Assert.Equal(CaseStatuses.Referred, tracked["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/v1/cases/{code}/reply", new { text = "دوباره" })).StatusCode);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.TrackingCode == code);
        Assert.Equal((DeadlineReasons.Pause, (DateTimeOffset?)null), (@case.PromiseMovedBy, @case.PausedAt));
        var types = await db.AuditEvents.Where(e => e.TrackingCode == code).Select(e => e.Type).ToListAsync();
        Assert.Contains("clock.paused", types);
        Assert.Contains("clock.resumed", types);
        Assert.Contains("deadline.moved", types);
        var sms = await db.Outbox.AsNoTracking().Where(m => m.Kind == "notify.sms").Select(m => m.Payload).ToListAsync();
        Assert.Contains(sms, p => p.Contains("شماره اشتراک برق خود را بنویسید.", StringComparison.Ordinal));
    }
}

public sealed class PauseForCitizenOnSqlite(TestDatabases databases) : PauseForCitizenScenarios(databases, Store.Sqlite);

public sealed class PauseForCitizenOnPostgres(TestDatabases databases) : PauseForCitizenScenarios(databases, Store.Postgres);
