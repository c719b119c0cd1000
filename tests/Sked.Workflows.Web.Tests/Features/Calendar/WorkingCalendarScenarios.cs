using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Calendar;

/// <summary>
/// The "done when", on both stores: a complaint filed the Wednesday before Nowruz is promised a
/// date past Thursday, Friday and the holidays, the same on the submit response, the tracking API and page,
/// the receipt and the acknowledgement SMS; an admin's closure moves it and the tracking page says why.
/// </summary>
public abstract class WorkingCalendarScenarios(TestDatabases databases, Store store)
{
    // Wednesday 1404/12/27 (18 March 2026), 15:00 in Tehran: after hours.
    private static readonly DateTimeOffset WednesdayBeforeNowruz = JalaliDate.At(JalaliDate.FromJalali(1404, 12, 27), new TimeOnly(15, 0)).ToUniversalTime();

    private static DateTimeOffset Close(int year, int month, int day) => JalaliDate.At(JalaliDate.FromJalali(year, month, day), new TimeOnly(14, 30));

    private Task<TestApp> StartAsync(FakeTimeProvider time) =>
        databases.CreateAsync(store).ContinueWith(t => TestApp.StartAsync(t.Result, configure: b => b.Services.AddSingleton<TimeProvider>(time))).Unwrap();

    [Fact]
    public async Task AComplaintBeforeNowruz_IsPromisedTheSameWorkingDateEverywhere_AndAClosureMovesItWithAReason()
    {
        var time = new FakeTimeProvider(WednesdayBeforeNowruz);
        await using var app = await StartAsync(time);
        var citizen = app.Anonymous();

        var submitted = await citizen.PostAsJsonAsync("/api/v1/cases", CaseApi.Complaint());
        var body = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = body["trackingCode"]!.GetValue<string>();
        var promised = body["expectedAnswerAt"]!.GetValue<DateTimeOffset>();

        // Seven working days: Wed 01/05 (Thu, Fri off; Nowruz 1–4), Sat 01/08 … Tue 01/11, (Wed 01/12 Republic Day,
        // Thu 01/13 Nature Day, Fri) Sat 01/15, Sun 01/16 — at the close of office hours.
        Assert.Equal(Close(1405, 1, 16), promised);
        Assert.Equal(promised, (await CaseApi.TrackAsync(citizen, code))["expectedAnswerAt"]!.GetValue<DateTimeOffset>());
        var shown = JalaliDate.Format(promised, withTime: false);
        Assert.Contains(shown, await citizen.GetStringAsync($"/receipt/{code}"));
        Assert.Contains(shown, await TrackPageAsync(citizen, code));
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            var sms = await db.Outbox.AsNoTracking().Where(m => m.Kind == "notify.sms").Select(m => m.Payload).ToListAsync();
            Assert.Contains(sms, p => p.Contains(shown, StringComparison.Ordinal));
            Assert.Equal(1, (await db.Cases.SingleAsync(c => c.TrackingCode == code)).AnswerCalendarVersion);
        }

        using var admin = await app.LoginAsync("admin");
        // A closure Wednesday 01/05 to Saturday 01/08 (Jalali and ISO days) while the e-desk's review is pending.
        var closure = await admin.PostAsJsonAsync("/api/v1/calendar/closures", new { from = "۱۴۰۵/۰۱/۰۵", to = "2026-03-28", reason = "گرمای هوا" });
        Assert.Equal(HttpStatusCode.Created, closure.StatusCode);

        // Seven working days again from now: Sun 01/09, Mon, Tue, (Wed–Fri) Sat 01/15, Sun, Mon, Tue 01/18.
        var tracked = await CaseApi.TrackAsync(citizen, code);
        var moved = tracked["expectedAnswerAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(Close(1405, 1, 18), moved);
        // The API says why, as the page does.
        Assert.Contains("گرمای هوا", tracked["expectedAnswerMovedBecause"]!.GetValue<string>(), StringComparison.Ordinal);
        var page = await TrackPageAsync(citizen, code);
        Assert.Contains(JalaliDate.Format(moved, withTime: false), page);
        Assert.Contains("گرمای هوا", page);
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Type == "calendar.closure-added" && e.Actor == "admin"));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Type == "deadline.moved" && e.TrackingCode == code));
            Assert.Equal(2, (await db.Cases.SingleAsync(c => c.TrackingCode == code)).AnswerCalendarVersion);
            // The review task's one working day (Wednesday 01/05) moved past the closure, with its reminder.
            var review = await db.Tasks.SingleAsync(t => t.TrackingCode == code);
            Assert.Equal((Close(1405, 1, 9), (int?)2), (review.DueAt!.Value, review.CalendarVersion));
            Assert.True(await db.Timers.AnyAsync(t => t.TaskId == review.Id && t.CalendarVersion == 2));
        }

        using var edesk = await app.LoginAsync("edesk");
        Assert.Equal(HttpStatusCode.Forbidden, (await edesk.PostAsJsonAsync("/api/v1/calendar/closures", new { from = "1405/01/20", reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task TheCalendarOf1405_IsPublic_InJalaliAndIso_AndRoundTripsThroughCsv()
    {
        var time = new FakeTimeProvider(WednesdayBeforeNowruz);
        await using var app = await StartAsync(time);

        var calendar = (await app.Anonymous().GetFromJsonAsync<JsonObject>("/api/v1/calendar?year=1405"))!;

        Assert.Equal("off", calendar["weekly"]!.AsArray().Single(d => d!["day"]!.GetValue<string>() == "friday")!["kind"]!.GetValue<string>());
        Assert.Equal("07:30", calendar["hours"]!["opens"]!.GetValue<string>());
        var holidays = calendar["holidays"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.Contains(holidays, h => h["date"]!.GetValue<string>() == "2026-03-21" && h["jalali"]!.GetValue<string>() == "1405/01/01");
        Assert.Contains(holidays, h => !h["confirmed"]!.GetValue<bool>());

        using var admin = await app.LoginAsync("admin");
        var csv = await app.Anonymous().GetStringAsync("/api/v1/calendar/export");
        var added = csv + "closure,1405/05/03,1405/05/04,,,\"گرما، تعطیلی استان\",true\n";
        var imported = await admin.PostAsync("/api/v1/calendar/import", new StringContent(added, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var after = (await app.Anonymous().GetFromJsonAsync<JsonObject>("/api/v1/calendar?year=1405"))!;
        var closure = Assert.Single(after["closures"]!.AsArray())!;
        Assert.Equal(("2026-07-25", "گرما، تعطیلی استان"), (closure["from"]!.GetValue<string>(), closure["reason"]!.GetValue<string>()));
        Assert.Equal(holidays.Count, after["holidays"]!.AsArray().Count);
    }

    /// <summary>The portal's tracking page after looking the code up, as a citizen's browser gets it.</summary>
    private static async Task<string> TrackPageAsync(HttpClient citizen, string code)
    {
        var token = await Http.AntiforgeryToken.ReadAsync(citizen, "/track");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_handler"] = "track",
            ["__RequestVerificationToken"] = token,
            ["Query.Code"] = code,
        });
        var response = await citizen.PostAsync("/track", form);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class WorkingCalendarOnSqlite(TestDatabases databases) : WorkingCalendarScenarios(databases, Store.Sqlite);

public sealed class WorkingCalendarOnPostgres(TestDatabases databases) : WorkingCalendarScenarios(databases, Store.Postgres);
