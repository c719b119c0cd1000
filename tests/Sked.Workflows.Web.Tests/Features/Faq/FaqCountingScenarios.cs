using System.Net;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Faq;

/// <summary>
/// The workflow's automatic count (promoteToFaq, when a public question's answer is approved): approvals of the
/// same question at the same moment, each in its own transaction, are each counted on the one entry.
/// </summary>
public abstract class FaqCountingScenarios(TestDatabases databases, Store store)
{
    private const string Subject = "چرا در محله ما هر روز خاموشی داریم؟";
    private const int AtOnce = 8;

    [Fact]
    public async Task ApprovalsOfTheSameQuestionAtOnce_AreEachCountedOnItsEntry()
    {
        // One writer per approval on PostgreSQL, so they run in transactions of their own, side by side.
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store),
            settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["Engine:PostgresWriters"] = AtOnce.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var citizen = app.Anonymous();
        // The first answer makes the entry; the next ones count on it.
        await new CaseDriver(app).DriveAsync(await CaseApi.SubmitAsync(citizen, Question("09130000100")));
        var codes = new List<string>();
        for (var i = 0; i < AtOnce; i++)
        {
            codes.Add(await CaseApi.SubmitAsync(citizen, Question($"091300002{i:00}")));
        }

        using var edesk = await app.LoginAsync("edesk");
        using var department = await app.LoginAsync("staff.customer-service");
        foreach (var code in codes)
        {
            await CompleteAsync(edesk, code, "route", new { department = "customer-service" });
            await CompleteAsync(department, code, "answer", new { answer = "خاموشی‌ها به دلیل کمبود تولید برق است." });
        }

        var approvers = new List<HttpClient>();
        for (var i = 0; i < AtOnce; i++)
        {
            approvers.Add(await app.LoginAsync("ceo-office"));
        }

        var tasks = await Task.WhenAll(codes.Select(code => CaseApi.TaskForAsync(approvers[0], code)));
        var approved = await Task.WhenAll(tasks.Select((task, i) => CaseApi.CompleteAsync(approvers[i], task!["id"]!.GetValue<string>(), "approve",
            new { answer = "خاموشی‌ها به دلیل کمبود تولید برق است." })));

        Assert.All(approved, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var entry = await db.Faq.AsNoTracking().SingleAsync();
        Assert.Equal(AtOnce + 1, await db.FaqRepeats.CountAsync(r => r.FaqEntryId == entry.Id));
        Assert.Equal(AtOnce + 1, entry.Repeats);
        foreach (var approver in approvers)
        {
            approver.Dispose();
        }
    }

    private static object Question(string mobile) => new
    {
        type = "ceo-question",
        answerType = "public",
        subject = Subject,
        body = "لطفاً توضیح دهید.",
        citizen = new { name = "شهروند", mobile },
    };

    private static async Task CompleteAsync(HttpClient staff, string code, string outcome, object data)
    {
        var task = await CaseApi.TaskForAsync(staff, code) ?? throw new InvalidOperationException($"no task for {code}");
        var done = await CaseApi.CompleteAsync(staff, task["id"]!.GetValue<string>(), outcome, data);
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
    }
}

public sealed class FaqCountingOnSqlite(TestDatabases databases) : FaqCountingScenarios(databases, Store.Sqlite);

public sealed class FaqCountingOnPostgres(TestDatabases databases) : FaqCountingScenarios(databases, Store.Postgres);
