using System.Net;
using System.Net.Http.Json;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Tasks;

/// <summary>Every role against every protected resource: what each may do, and nothing more.</summary>
public sealed class AuthorizationMatrixTests(TestDatabases databases)
{
    private static readonly string[] Logins =
        ["edesk", "secretariat", "ceo-office", "auditor", "process-owner", "admin", "staff.billing", "head.billing", "staff.metering", "head.metering"];

    [Fact]
    public async Task EachRole_ReachesExactlyItsOwnResources()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
        var routedCode = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var routing = (await CaseApi.TaskForAsync(edesk, routedCode))!["id"]!.GetValue<string>();
        await CaseApi.CompleteAsync(edesk, routing, "route", new { department = "billing" });
        var billingTask = (await CaseApi.TaskForAsync(await app.LoginAsync("staff.billing"), routedCode))!["id"]!.GetValue<string>();

        // Publishing the latest version's own content again: allowed, it answers "unchanged" and stores nothing.
        var owner = await app.LoginAsync("process-owner");
        var latest = (await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/v1/workflows", TestContext.Current.CancellationToken))!
            .Single(w => w!["id"]!.GetValue<string>() == "complaint")!["latestVersion"]!.GetValue<int>();
        var exported = await owner.GetStringAsync("/api/v1/workflows/complaint/export", TestContext.Current.CancellationToken);
        var deadLetter = await DeadLetterAsync(app);

        var resources = new (string Name, Func<HttpClient, Task<HttpStatusCode>> Try, string[] Allowed)[]
        {
            ("claim e-desk task", c => Status(c.PostAsync($"/api/v1/tasks/{review}/claim", null)), ["edesk"]),
            ("see billing task in queue", async c => await CaseApi.TaskForAsync(c, routedCode) is null ? HttpStatusCode.NotFound : HttpStatusCode.OK, ["staff.billing", "head.billing"]),
            ("register letter", c => Status(c.PostAsJsonAsync("/api/v1/letters", new { subject = "نامه آزمایشی", letterNumber = "1", letterDate = "1405/09/01", citizen = new { name = "الف", nationalCode = "0499370899", mobile = "09120000000" } })), ["secretariat"]),
            ("read case history", c => Status(c.GetAsync($"/api/v1/cases/{routedCode}/history")), ["auditor"]),
            ("export a workflow definition", c => Status(c.GetAsync("/api/v1/workflows/complaint/export")), ["auditor", "process-owner"]),
            ("publish a workflow version", c => Status(c.PostAsync($"/api/v1/workflows/complaint/versions?reviewedAgainst={latest}",
                new StringContent(exported, System.Text.Encoding.UTF8, "application/json"))), ["process-owner"]),
            ("list incidents", c => Status(c.GetAsync("/api/v1/incidents")), ["process-owner", "admin"]),
            ("record e-mail inquiry", c => Status(c.PostAsJsonAsync("/api/v1/email-inquiries", new { subject = "پرسش", body = "متن پرسش ایمیلی آزمایشی", fromAddress = "a@b.ir" })), ["edesk", "admin"]),
            ("list dead outbox messages", c => Status(c.GetAsync("/api/v1/outbox?status=dead")), ["admin"]),
            ("retry a dead outbox message", c => Status(c.PostAsync($"/api/v1/outbox/{deadLetter}/retry", null)), ["admin"]),
            ("write an FAQ entry", c => Status(c.PostAsJsonAsync("/api/v1/faq", new { question = "پرسش آزمایشی " + Guid.NewGuid(), answer = "پاسخ" })), FaqCurators),
            ("edit an FAQ entry", async c => await Status(c.PutAsJsonAsync($"/api/v1/faq/{await FaqEntryAsync(app)}", new { question = "پرسش ویرایش‌شده", answer = "پاسخ", published = true })), FaqCurators),
            ("delete an FAQ entry", async c => await Status(c.DeleteAsync($"/api/v1/faq/{await FaqEntryAsync(app)}")), FaqCurators),
            ("merge FAQ entries", async c => await Status(c.PostAsJsonAsync($"/api/v1/faq/{await FaqEntryAsync(app)}/merge", new { into = await FaqEntryAsync(app) })), FaqCurators),
            ("see same-question matches", c => Status(c.GetAsync($"/api/v1/faq/same-as/{code}")), FaqCurators),
            ("confirm a repeated question", async c => await Status(c.PostAsJsonAsync($"/api/v1/faq/{await FaqEntryAsync(app)}/repeats",
                new { trackingCode = await PublicQuestionAsync(app) })), FaqCurators),
            ("confirm a repeat of an open question", async c => await Status(c.PostAsJsonAsync("/api/v1/faq/repeats",
                new { trackingCode = await PublicQuestionAsync(app), earlierTrackingCode = await PublicQuestionAsync(app) })), FaqCurators),
            ("list the published FAQ", c => Status(c.GetAsync("/api/v1/faq")), Logins),
        };

        var wrong = new List<string>();
        foreach (var login in Logins)
        {
            var client = await app.LoginAsync(login);
            foreach (var (name, tryIt, allowed) in resources)
            {
                var status = await tryIt(client);
                var succeeded = (int)status is >= 200 and < 300;
                if (succeeded != allowed.Contains(login))
                {
                    wrong.Add($"{login} → {name}: {(int)status}");
                }
            }
        }

        // Claiming a department's task: its own members may, everybody else is refused with 403.
        foreach (var login in Logins.Where(l => l is not ("staff.billing" or "head.billing")))
        {
            var status = await Status((await app.LoginAsync(login)).PostAsync($"/api/v1/tasks/{billingTask}/claim", null));
            if (status != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{login} → claim billing task: {(int)status} (expected 403)");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static readonly string[] FaqCurators = ["edesk", "ceo-office", "admin"];

    private static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> request) => (await request).StatusCode;

    private static Task<string> PublicQuestionAsync(TestApp app) => CaseApi.SubmitAsync(app.Anonymous(),
        new { type = "ceo-question", answerType = "public", subject = "پرسش عمومی", body = "متن پرسش عمومی", citizen = new { name = "الف", mobile = "09120000000" } });

    /// <summary>A fresh FAQ entry for one try, so a delete or merge by one role does not leave the next nothing to act on.</summary>
    private static async Task<Guid> FaqEntryAsync(TestApp app)
    {
        await using var db = await app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.SkedDbContext>>().CreateDbContextAsync();
        var question = "پرسش " + Guid.NewGuid();
        var entry = new Infrastructure.Faq.FaqEntry { QuestionKey = Domain.Text.PersianText.MatchKey(question), Question = question, Answer = "پاسخ" };
        db.Faq.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    /// <summary>A message the outbox gave up on, for the administrator's retry (the first retry succeeds, any later one is 409).</summary>
    private static async Task<Guid> DeadLetterAsync(TestApp app)
    {
        await using var db = await app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.SkedDbContext>>().CreateDbContextAsync();
        var now = app.Service<TimeProvider>().GetUtcNow();
        var message = new Infrastructure.Outbox.OutboxMessage
        {
            Kind = Infrastructure.Outbox.OutboxKinds.Staff, Payload = "{}", CreatedAt = now, AvailableAt = now,
            Status = Infrastructure.Outbox.OutboxStatus.Dead, Attempts = 10, LastError = "refused",
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
