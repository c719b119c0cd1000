using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Calendar;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Tests.Features.Letters;

namespace Sked.Workflows.Web.Tests.Features.Calendar;

/// <summary>
/// The pause for the citizen on the case types that answer through the secretariat and the CEO office: staff
/// ask, the tracking page shows the question and the clock stops; the citizen's reply (a letter's with its
/// password, a wrong one refused) resumes the case, and the promised date moves on by the working days waited.
/// </summary>
public abstract class AskTheCitizenScenarios(TestDatabases databases, Store store)
{
    private const string Question = "تصویر قبض آخر خود را در پاسخ شرح دهید.";
    private const string Reply = "مبلغ قبض آخر ۴۵۰٬۰۰۰ ریال است.";

    // Saturday 1405/09/01 (22 November 2026), 09:00 in Tehran; the reply comes on Tuesday 1405/09/04.
    private static readonly DateTimeOffset Saturday = JalaliDate.At(JalaliDate.FromJalali(1405, 9, 1), new TimeOnly(9, 0)).ToUniversalTime();
    private static readonly DateTimeOffset Tuesday = JalaliDate.At(JalaliDate.FromJalali(1405, 9, 4), new TimeOnly(10, 0)).ToUniversalTime();

    [Fact]
    public async Task ALetter_AskedByItsUnit_TakesTheReplyWithItsPasswordOnly_AndMovesThePromise()
    {
        var time = new FakeTimeProvider(Saturday);
        await using var app = await StartAsync(time);
        var (code, password) = await LetterPasswordScenarios.RegisterAsync(app);
        using var secretariat = await app.LoginAsync("secretariat");
        await CompleteAsync(secretariat, code, "refer", new { department = "billing" });
        using var billing = await app.LoginAsync("staff.billing");
        var promised = await PromisedAsync(app, code, password);

        await CompleteAsync(billing, code, "ask", new { question = Question });

        var waiting = await CaseApi.TrackAsync(app.Anonymous(), code, password);
        Assert.Equal(CaseStatuses.AwaitingCitizen, waiting["status"]!.GetValue<string>());
        Assert.Contains(Question, Labels(waiting).Last(), StringComparison.Ordinal);
        time.SetUtcNow(Tuesday);
        Assert.Equal(HttpStatusCode.NotFound, (await ReplyAsync(app, code, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReplyAsync(app, code, "00000000")).StatusCode);
        Assert.Equal(CaseStatuses.AwaitingCitizen, (await CaseApi.TrackAsync(app.Anonymous(), code, password))["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await ReplyAsync(app, code, password)).StatusCode);

        var resumed = await CaseApi.TrackAsync(app.Anonymous(), code, password);
        Assert.Equal(CaseStatuses.InCirculation, resumed["status"]!.GetValue<string>());
        Assert.Contains(Labels(resumed), l => l.Contains(Reply, StringComparison.Ordinal));
        // Signed in afresh: three days on, the morning's staff session has run out.
        using var billingAgain = await app.LoginAsync("staff.billing");
        Assert.NotNull(await CaseApi.TaskForAsync(billingAgain, code));
        await AssertPausedAndMovedAsync(app, code, promised);
    }

    [Theory]
    [InlineData(AnswerTypes.Private)]
    [InlineData(AnswerTypes.Public)]
    public async Task ACeoQuestion_AskedByWhoeverAnswersIt_ResumesOnTheTrackingPageReply_AndMovesThePromise(string answerType)
    {
        var time = new FakeTimeProvider(Saturday);
        await using var app = await StartAsync(time);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), new
        {
            type = "ceo-question",
            answerType,
            subject = "علت افزایش مبلغ قبض",
            body = "چرا مبلغ قبض این ماه دو برابر شده است؟",
            citizen = new { name = "زهرا موسوی", mobile = "09131112233" },
        });
        var answererLogin = "ceo-office";
        if (answerType == AnswerTypes.Public)
        {
            using var edesk = await app.LoginAsync("edesk");
            await CompleteAsync(edesk, code, "route", new { department = "billing" });
            answererLogin = "staff.billing";
        }

        using var answerer = await app.LoginAsync(answererLogin);
        var promised = await PromisedAsync(app, code, null);

        await CompleteAsync(answerer, code, "ask", new { question = Question });

        var waiting = await CaseApi.TrackAsync(app.Anonymous(), code);
        Assert.Equal(CaseStatuses.AwaitingCitizen, waiting["status"]!.GetValue<string>());
        Assert.Contains(Question, Labels(waiting).Last(), StringComparison.Ordinal);
        time.SetUtcNow(Tuesday);
        Assert.Equal(HttpStatusCode.NoContent, (await ReplyAsync(app, code, null)).StatusCode);

        var resumed = await CaseApi.TrackAsync(app.Anonymous(), code);
        Assert.Equal(answerType == AnswerTypes.Private ? CaseStatuses.InProgress : CaseStatuses.Referred, resumed["status"]!.GetValue<string>());
        // Signed in afresh: three days on, the morning's staff session has run out.
        using var answererAgain = await app.LoginAsync(answererLogin);
        Assert.NotNull(await CaseApi.TaskForAsync(answererAgain, code));
        await AssertPausedAndMovedAsync(app, code, promised);
    }

    [Fact]
    public async Task AnAnonymousReport_ShowsTheQuestionOnTheTrackingPage_AndTakesTheReplyByItsCode()
    {
        var time = new FakeTimeProvider(Saturday);
        await using var app = await StartAsync(time);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), new
        {
            type = "public-report",
            subject = "سیم افتاده",
            body = "در کوچه ما یک سیم برق روی زمین افتاده است.",
            category = "hazard",
            anonymous = true,
            location = new { address = "کرمان، کوچه ۱۲" },
        });
        using var edesk = await app.LoginAsync("edesk");
        await CompleteAsync(edesk, code, "route", new { department = "safety" });
        using var safety = await app.LoginAsync("staff.safety");

        await CompleteAsync(safety, code, "ask", new { question = Question });

        var waiting = await CaseApi.TrackAsync(app.Anonymous(), code);
        Assert.Equal(CaseStatuses.AwaitingCitizen, waiting["status"]!.GetValue<string>());
        Assert.Contains(Question, Labels(waiting).Last(), StringComparison.Ordinal);
        time.SetUtcNow(Tuesday);
        Assert.Equal(HttpStatusCode.NoContent, (await ReplyAsync(app, code, null)).StatusCode);
        Assert.Equal(CaseStatuses.UnderInvestigation, (await CaseApi.TrackAsync(app.Anonymous(), code))["status"]!.GetValue<string>());
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var types = await db.AuditEvents.AsNoTracking().Where(e => e.TrackingCode == code).Select(e => e.Type).ToListAsync();
        Assert.Contains("clock.paused", types);
        Assert.Contains("clock.resumed", types);
        // No address to send to: the receipt's SMS and the question's SMS and mail are each skipped, audited.
        Assert.Equal(3, types.Count(t => t == "notification.skipped"));
    }

    private async Task<TestApp> StartAsync(FakeTimeProvider time) =>
        await TestApp.StartAsync(await databases.CreateAsync(store), configure: b => b.Services.AddSingleton<TimeProvider>(time));

    private static async Task CompleteAsync(HttpClient staff, string code, string outcome, object data)
    {
        var task = await CaseApi.TaskForAsync(staff, code) ?? throw new InvalidOperationException($"no task for {code}");
        var done = await CaseApi.CompleteAsync(staff, task["id"]!.GetValue<string>(), outcome, data);
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
    }

    private static async Task<DateTimeOffset> PromisedAsync(TestApp app, string code, string? password) =>
        (await CaseApi.TrackAsync(app.Anonymous(), code, password))["expectedAnswerAt"]!.GetValue<DateTimeOffset>();

    private static List<string> Labels(JsonObject tracked) =>
        [.. tracked["timeline"]!.AsArray().Select(t => t!["label"]!.GetValue<string>())];

    private static async Task<HttpResponseMessage> ReplyAsync(TestApp app, string code, string? password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{code}/reply") { Content = JsonContent.Create(new { text = Reply }) };
        if (password is not null)
        {
            request.Headers.Add("X-Tracking-Password", password);
        }

        return await app.Anonymous().SendAsync(request);
    }

    /// <summary>The pause and the resume are audited, the question went by SMS, and the promise moved on by the working days waited.</summary>
    private static async Task AssertPausedAndMovedAsync(TestApp app, string code, DateTimeOffset promised)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.TrackingCode == code);
        var types = await db.AuditEvents.AsNoTracking().Where(e => e.TrackingCode == code).Select(e => e.Type).ToListAsync();
        Assert.Contains("clock.paused", types);
        Assert.Contains("clock.resumed", types);
        Assert.Contains("deadline.moved", types);
        Assert.Equal((DeadlineReasons.Pause, (DateTimeOffset?)null), (@case.PromiseMovedBy, @case.PausedAt));
        var calendar = await CurrentCalendar.LoadAsync(db, CancellationToken.None);
        var expected = Deadline.Parse(@case.AnswerRule!).Recount(promised, Saturday, calendar, Tuesday, calendar);
        Assert.True(@case.ExpectedAnswerAt > promised, $"{@case.ExpectedAnswerAt} should be after {promised}");
        Assert.Equal(expected, @case.ExpectedAnswerAt);
        var sms = await db.Outbox.AsNoTracking().Where(m => m.Kind == "notify.sms").Select(m => m.Payload).ToListAsync();
        Assert.Contains(sms, p => p.Contains(Question, StringComparison.Ordinal));
    }
}

public sealed class AskTheCitizenOnSqlite(TestDatabases databases) : AskTheCitizenScenarios(databases, Store.Sqlite);

public sealed class AskTheCitizenOnPostgres(TestDatabases databases) : AskTheCitizenScenarios(databases, Store.Postgres);
