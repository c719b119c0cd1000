using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Tests.Http;

namespace Sked.Workflows.Web.Tests.Features.Faq;

/// <summary>
/// The same public question in other words: the e-desk sees the earlier question, confirms, the repeat
/// counts and the wording is kept; at the workflow's threshold the question is proposed, a person edits
/// and publishes it, and the next citizen's form shows the answer before a case is created.
/// </summary>
public abstract class SameQuestionRepeatScenarios(TestDatabases databases, Store store)
{
    private const string First = "چرا در محله ما هر روز خاموشی داریم؟";
    private const string Colloquial = "چرا هر روز برق محلمون قطع میشه";
    private const string Published = "چرا در برخی محله‌ها خاموشی روزانه رخ می‌دهد؟";
    private static readonly string[] Wordings = [First, Colloquial];

    [Fact]
    public async Task ConfirmedRepeats_ProposeTheQuestion_AndOnlyTheEditedWordingIsPublished()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var driver = new CaseDriver(app);
        await driver.DriveAsync(await CaseApi.SubmitAsync(citizen, Question(First, "09130000010")));
        await using (var db = await DbAsync(app))
        {
            var kept = Assert.Single(db.Faq);
            Assert.Null(kept.PublishedAt);
            Assert.False(kept.IsProposed);
        }

        var second = await CaseApi.SubmitAsync(citizen, Question(Colloquial, "09130000011"));
        var edesk = await app.LoginAsync("edesk");
        var sameAs = (await edesk.GetFromJsonAsync<JsonObject>($"/api/v1/faq/same-as/{second}"))!;
        var match = Assert.Single(sameAs["matches"]!.AsArray())!;
        Assert.Equal(First, match["question"]!.GetValue<string>());
        Assert.False(match["published"]!.GetValue<bool>());
        var id = match["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await edesk.PostAsJsonAsync($"/api/v1/faq/{id}/repeats", new { trackingCode = second })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await edesk.PostAsJsonAsync($"/api/v1/faq/{id}/repeats", new { trackingCode = second })).StatusCode);
        await driver.DriveAsync(second);

        await using (var db = await DbAsync(app))
        {
            var entry = Assert.Single(db.Faq);
            Assert.Equal(2, entry.Repeats);
            Assert.True(entry.IsProposed);
            Assert.Contains(Colloquial, entry.Alternatives);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Type == "faq.repeat-confirmed" && e.TrackingCode == second));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Type == "faq.proposed"));
        }

        Assert.Empty((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!);
        // The curation page's one-click publish refuses a citizen's own wording: it goes out only through an edit.
        var member = new Domain.Staff.StaffMember("ceo-office", new HashSet<string>(StringComparer.Ordinal) { Domain.Staff.Roles.CeoOffice }, null, null);
        var oneClick = await app.Service<Web.Features.Faq.PublishFaqEntry.Handler>().HandleAsync(Guid.Parse(id), true, member, CancellationToken.None);
        Assert.Equal(Infrastructure.Workflows.WorkflowResultKind.Conflict, oneClick.Kind);
        var ceoOffice = await app.LoginAsync("ceo-office");
        Assert.Equal(HttpStatusCode.NoContent, (await ceoOffice.PutAsJsonAsync($"/api/v1/faq/{id}", new
        {
            question = Published,
            answer = "خاموشی‌های روزانه برای مدیریت بار شبکه در ساعت‌های اوج است؛ جدول آن در سامانه برق من است.",
            published = true,
        })).StatusCode);

        var faq = Assert.Single((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!)!;
        Assert.Equal(Published, faq["question"]!.GetValue<string>());
        var html = WebUtility.HtmlDecode(await citizen.GetStringAsync("/faq"));
        Assert.DoesNotContain(First, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Colloquial, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEarlierQuestionStillOpen_IsMatched_AndBothCountOnOneEntry_ProposedWhenItIsAnswered()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var first = await CaseApi.SubmitAsync(citizen, Question(First, "09130000013"));
        var second = await CaseApi.SubmitAsync(citizen, Question(Colloquial, "09130000014"));
        var edesk = await app.LoginAsync("edesk");

        var match = Assert.Single((await edesk.GetFromJsonAsync<JsonObject>($"/api/v1/faq/same-as/{second}"))!["matches"]!.AsArray())!;
        Assert.Equal(first, match["trackingCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await edesk.PostAsJsonAsync("/api/v1/faq/repeats", new { trackingCode = second, earlierTrackingCode = first })).StatusCode);
        await using (var db = await DbAsync(app))
        {
            var entry = Assert.Single(db.Faq);
            Assert.Equal(2, entry.Repeats);
            Assert.False(entry.IsProposed);
        }

        await new CaseDriver(app).DriveAsync(first);
        await using (var db = await DbAsync(app))
        {
            var entry = Assert.Single(db.Faq);
            Assert.True(entry.IsProposed);
            Assert.Equal(First, entry.Question);
            Assert.False(string.IsNullOrEmpty(entry.Answer));
        }

        Assert.Empty((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!);
    }

    [Fact]
    public async Task ConfirmationsAtTheSameTime_AreEachCounted_WithTheirWordingsAndAudit()
    {
        string[] streets = ["لاله", "نرگس", "یاس", "سوسن", "اطلسی", "شقایق", "مریم", "نسترن"];
        var confirmations = streets.Length;
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var members = new[] { await app.LoginAsync("edesk"), await app.LoginAsync("edesk") };
        var created = await members[0].PostAsJsonAsync("/api/v1/faq", new { question = Published, answer = "پاسخ خاموشی روزانه", published = true });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var citizen = app.Anonymous();
        var codes = new List<string>();
        for (var i = 0; i < confirmations; i++)
        {
            codes.Add(await CaseApi.SubmitAsync(citizen, Question($"چرا هر روز برق خیابان {streets[i]} قطع میشه", $"091300001{i:00}")));
        }

        // Both members confirm at once, each request on its own connection and transaction.
        var answers = await Task.WhenAll(codes.Select((code, i) =>
            members[i % 2].PostAsJsonAsync($"/api/v1/faq/{id}/repeats", new { trackingCode = code })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        await using var db = await DbAsync(app);
        var entry = await db.Faq.SingleAsync(f => f.Id == Guid.Parse(id));
        Assert.Equal(confirmations, entry.Repeats);
        Assert.Equal(confirmations, entry.Alternatives.Count);
        var audited = await db.AuditEvents.Where(e => e.Type == "faq.repeat-confirmed").Select(e => e.Data).ToListAsync();
        var counts = audited.Select(d => ((FaqRepeatConfirmed)AuditEvents.Read("faq.repeat-confirmed", d)!).Repeats);
        Assert.Equal(Enumerable.Range(1, confirmations), counts.Order());
    }

    [Fact]
    public async Task APrivateQuestion_IsNeverMatchedOrCounted()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        var id = (await (await edesk.PostAsJsonAsync("/api/v1/faq", new { question = First, answer = "پاسخ", published = true })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var code = await CaseApi.SubmitAsync(app.Anonymous(), Question(Colloquial, "09130000012", "private"));

        var sameAs = (await edesk.GetFromJsonAsync<JsonObject>($"/api/v1/faq/same-as/{code}"))!;

        Assert.False(sameAs["applies"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, (await edesk.PostAsJsonAsync($"/api/v1/faq/{id}/repeats", new { trackingCode = code })).StatusCode);
    }

    [Fact]
    public async Task TheFormWithoutScript_ShowsMatchingAnswersBeforeTheCase_AndTheNextSubmitSendsItWithEverythingTyped()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        Assert.Equal(HttpStatusCode.Created, (await edesk.PostAsJsonAsync("/api/v1/faq", new { question = Published, answer = "پاسخ خاموشی روزانه", alternatives = Wordings, published = true })).StatusCode);
        var client = app.Anonymous();
        var token = await AntiforgeryToken.ReadAsync(client, "/send/complaint");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "send-case",
            ["Form.Subject"] = "قطع شدن هر روزه برق محله ما",
            ["Form.Body"] = "سه هفته است که هر روز دو ساعت برق نداریم.",
            ["Form.Name"] = "مریم احمدی",
            ["Form.NationalCode"] = "0499370899",
            ["Form.Mobile"] = "09123456780",
        };

        using (var first = new FormUrlEncodedContent(fields))
        {
            var page = WebUtility.HtmlDecode(await (await client.PostAsync("/send/complaint", first)).Content.ReadAsStringAsync());
            Assert.Contains("پاسخ خاموشی روزانه", page, StringComparison.Ordinal);
            Assert.Contains("سه هفته است که هر روز دو ساعت برق نداریم.", page, StringComparison.Ordinal);
            Assert.Contains("value=\"1\"", page, StringComparison.Ordinal);
        }

        await using (var db = await DbAsync(app))
        {
            Assert.Equal(0, await db.Cases.CountAsync());
        }

        // "This answered my question" without script posts the form to the counter, which thanks the citizen.
        var entry = (await client.GetFromJsonAsync<JsonArray>("/api/v1/faq"))![0]!["id"]!.GetValue<string>();
        using (var helpful = new FormUrlEncodedContent(fields))
        {
            var thanks = await client.PostAsync($"/api/v1/faq/{entry}/helpful", helpful);
            Assert.EndsWith("/faq/answered", thanks.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("سپاس از شما", WebUtility.HtmlDecode(await thanks.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        fields["Form.Deflected"] = "1";
        using var again = new FormUrlEncodedContent(fields);
        var sent = await client.PostAsync("/send/complaint", again);
        Assert.Contains("/receipt/", sent.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        await using var after = await DbAsync(app);
        Assert.Equal(1, await after.Cases.CountAsync());
    }

    private static object Question(string subject, string mobile, string answerType = "public") => new
    {
        type = "ceo-question",
        answerType,
        subject,
        body = "لطفاً توضیح دهید.",
        citizen = new { name = "شهروند", mobile },
    };

    private static Task<SkedDbContext> DbAsync(TestApp app) => app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
}

public sealed class SameQuestionRepeatsOnSqlite(TestDatabases databases) : SameQuestionRepeatScenarios(databases, Store.Sqlite);

public sealed class SameQuestionRepeatsOnPostgres(TestDatabases databases) : SameQuestionRepeatScenarios(databases, Store.Postgres);
