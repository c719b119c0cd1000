using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Cases;

/// <summary>Cases travel from intake to the answer a citizen reads, on each store.</summary>
public abstract class CaseLifecycleScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task Complaint_RoutedByEDeskAndAnsweredByDepartment_CitizenReadsAnswerAndAuditorReadsHistory()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var code = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint("کنتور خراب", "کنتور برق منزل ما از کار افتاده و عددی نشان نمی‌دهد."));

        var edesk = await app.LoginAsync("edesk");
        var review = await CaseApi.TaskForAsync(edesk, code) ?? throw new InvalidOperationException("no e-desk task");
        Assert.Equal("edesk-review", review["step"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.ClaimAsync(edesk, review["id"]!.GetValue<string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, review["id"]!.GetValue<string>(), "route", new { department = "metering" })).StatusCode);

        var staff = await app.LoginAsync("staff.metering");
        var answer = await CaseApi.TaskForAsync(staff, code) ?? throw new InvalidOperationException("no department task");
        Assert.Equal("department-answer", answer["step"]!.GetValue<string>());
        var whileOpen = await CaseApi.TrackAsync(citizen, code);
        Assert.Null(whileOpen["answer"]);
        Assert.NotNull(whileOpen["expectedAnswerAt"]);

        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(staff, answer["id"]!.GetValue<string>(), "answer", new { answer = "کنتور شما فردا تعویض می‌شود." })).StatusCode);

        var tracked = await CaseApi.TrackAsync(citizen, code);
        Assert.Equal("answered", tracked["status"]!.GetValue<string>());
        Assert.Equal("کنتور شما فردا تعویض می‌شود.", tracked["answer"]!["text"]!.GetValue<string>());
        var labels = tracked["timeline"]!.AsArray().Select(t => t!["label"]!.GetValue<string>()).ToList();
        // The citizen reads the steps in the order they happened: received first.
        Assert.Equal("دریافت و ثبت شد", labels[0]);
        Assert.Contains(labels, l => l.Contains("کنتور و اندازه‌گیری", StringComparison.Ordinal));
        Assert.DoesNotContain("staff.metering", tracked.ToJsonString(), StringComparison.Ordinal);

        var history = await CaseApi.HistoryAsync(await app.LoginAsync("auditor"), code);
        // SMS deliveries are recorded as the operator takes them, so they may follow the last step.
        var types = history.Select(e => e["type"]!.GetValue<string>()).Where(t => t != "notification.sent").ToList();
        Assert.Equal("instance.started", types[0]);
        Assert.Equal("instance.completed", types[^1]);
        Assert.Contains("task.claimed", types);
        Assert.Equal(2, types.Count(t => t == "task.completed"));
        Assert.All(history, e => Assert.Equal("complaint", e["definitionId"]!.GetValue<string>()));
        Assert.Contains(history, e => e["actor"]!.GetValue<string>() == "staff.metering");
    }

    [Fact]
    public async Task EverySubmissionType_RunsFromIntakeToItsEnd()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var driver = new CaseDriver(app);
        var person = new { name = "مریم احمدی", nationalCode = "0499370899", mobile = "09121112233", email = "maryam@example.ir" };
        var codes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["complaint"] = await CaseApi.SubmitAsync(citizen, CaseApi.Complaint()),
            ["request"] = await CaseApi.SubmitAsync(citizen, new { type = "request", subject = "درخواست افزایش قدرت انشعاب", body = "لطفاً قدرت انشعاب کارگاه را افزایش دهید.", citizen = person }),
            ["suggestion"] = await CaseApi.SubmitAsync(citizen, new { type = "suggestion", subject = "پیشنهاد پرداخت قبض با کیف پول", body = "پیشنهاد می‌کنم پرداخت قبض با کیف پول الکترونیکی ممکن شود.", citizen = person }),
            ["public-report"] = await CaseApi.SubmitAsync(citizen, new { type = "public-report", subject = "انشعاب غیرمجاز", body = "در کوچه ما یک انشعاب غیرمجاز از تیر برق گرفته شده است.", category = "electricity-theft", anonymous = true, location = new { lat = 29.1, lng = 58.3, address = "بم، خیابان امام" } }),
            ["ceo-question-private"] = await CaseApi.SubmitAsync(citizen, new { type = "ceo-question", answerType = "private", subject = "پرسش درباره تعرفه", body = "تعرفه برق کشاورزی در سال آینده چگونه خواهد بود؟", citizen = person }),
            ["ceo-question-public"] = await CaseApi.SubmitAsync(citizen, new { type = "ceo-question", answerType = "public", subject = "ساعت خاموشی", body = "ساعت خاموشی‌های برنامه‌ریزی‌شده از کجا اعلام می‌شود؟", citizen = person }),
        };
        var letter = await RegisterLetterAsync(app);
        codes["letter"] = letter.Code;
        var mail = await (await app.LoginAsync("edesk")).PostAsJsonAsync("/api/v1/email-inquiries",
            new { subject = "پرسش از طریق ایمیل", body = "چگونه می‌توانم نام مالک کنتور را تغییر دهم؟", fromAddress = "citizen@example.ir", fromName = "رضا" });
        Assert.Equal(HttpStatusCode.Created, mail.StatusCode);
        codes["email-inquiry"] = (await mail.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();

        foreach (var (type, code) in codes)
        {
            await driver.DriveAsync(code);
            var tracked = await CaseApi.TrackAsync(citizen, code, type == "letter" ? letter.Password : null);
            Assert.True(tracked["status"]!.GetValue<string>() == "answered", $"{type} ended {tracked["status"]} after {string.Join(", ", driver.Steps)}");
            Assert.NotNull(tracked["answer"]);
        }

        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"the audit chain is broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task Letter_NeedsItsPassword_AndAWrongOneLooksLikeAnUnknownCode()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var letter = await RegisterLetterAsync(app);
        Assert.Matches("^[0-9]{8}$", letter.Password);
        var citizen = app.Anonymous();

        var tracked = await CaseApi.TrackAsync(citizen, letter.Code, letter.Password);
        Assert.Equal("registered", tracked["status"]!.GetValue<string>());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{letter.Code}");
        wrong.Headers.Add("X-Tracking-Password", "00000000");
        var wrongResponse = await citizen.SendAsync(wrong);
        var missing = await citizen.GetAsync($"/api/v1/cases/{letter.Code}");
        Assert.Equal(HttpStatusCode.NotFound, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var unknown = await citizen.GetAsync($"/api/v1/cases/{OtherCode(letter.Code)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Title(await unknown.Content.ReadAsStringAsync()), Title(await wrongResponse.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PublicQuestion_AskedByASecondCitizen_IsProposedForTheFaq_NotPublished()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var driver = new CaseDriver(app);
        var question = new { type = "ceo-question", answerType = "public", subject = "قبض المثنی", body = "چگونه قبض المثنی برق را دریافت کنم؟", citizen = new { name = "سارا", mobile = "09130000000" } };
        // The same question, typed with Arabic letters and extra spaces, counts as a repeat.
        var repeat = new { type = "ceo-question", answerType = "public", subject = "قبض  المثنی", body = "چگونه قبض المثني برق را دريافت كنم؟", citizen = new { name = "نادر", mobile = "09130000001" } };

        await driver.DriveAsync(await CaseApi.SubmitAsync(citizen, question));
        await driver.DriveAsync(await CaseApi.SubmitAsync(citizen, repeat));

        // Issue 14: at the threshold the question is proposed; a person edits and publishes it, nothing goes out by itself.
        Assert.Empty((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!);
        await using var db = await app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.SkedDbContext>>().CreateDbContextAsync();
        var entry = Assert.Single(db.Faq);
        Assert.Equal(2, entry.Repeats);
        Assert.True(entry.IsProposed);
        Assert.False(string.IsNullOrWhiteSpace(entry.Answer));
        Assert.DoesNotContain("چگونه", entry.Question, StringComparison.Ordinal);
    }

    private static async Task<(string Code, string Password)> RegisterLetterAsync(TestApp app)
    {
        var secretariat = await app.LoginAsync("secretariat");
        var response = await secretariat.PostAsJsonAsync("/api/v1/letters", new
        {
            subject = "درخواست بررسی خسارت",
            body = "نامه شماره ۱۲۳ درباره خسارت ناشی از نوسان برق",
            letterNumber = "۱۲۳/الف",
            letterDate = "۱۴۰۵/۰۹/۰۱",
            citizen = new { name = "حسن کریمی", nationalCode = "0499370899", mobile = "09151234567" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["trackingCode"]!.GetValue<string>(), body["password"]!.GetValue<string>());
    }

    // Another well-formed code: a fresh one is unknown to the store with overwhelming odds.
    private static string OtherCode(string code)
    {
        var other = Domain.TrackingCodes.TrackingCode.New().Value;
        return other == code ? OtherCode(code) : other;
    }

    private static string? Title(string problem) => JsonNode.Parse(problem)?["title"]?.GetValue<string>();
}

public sealed class CaseLifecycleOnSqlite(TestDatabases databases) : CaseLifecycleScenarios(databases, Store.Sqlite);

public sealed class CaseLifecycleOnPostgres(TestDatabases databases) : CaseLifecycleScenarios(databases, Store.Postgres);
