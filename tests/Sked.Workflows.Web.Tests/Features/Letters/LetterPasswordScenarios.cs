using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Letters;

/// <summary>A letter's password reaches its sender by SMS, and a lost one is replaced: the old stops working, the new one is sent.</summary>
public abstract class LetterPasswordScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task RegisteredLetter_SmsCarriesTheCodeAndThePassword_MarkedAsTheSecret()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var (code, password) = await RegisterAsync(app);

        var sms = await SmsToAsync(app, "09151234567");
        var message = Assert.Single(sms);
        Assert.Contains(code, message.Text, StringComparison.Ordinal);
        Assert.True(message.Text.Contains(password, StringComparison.Ordinal) || message.Secret is null,
            "the registration SMS names the password (or it was already redacted once accepted)");
        Assert.True(message.Secret is null || message.Secret == password);
        Assert.NotNull(await CaseApi.TrackAsync(app.Anonymous(), code, password));
    }

    [Fact]
    public async Task LostPassword_IsReplaced_TheOldStopsWorking_TheNewIsSentAndAudited()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var (code, old) = await RegisterAsync(app);
        using var secretariat = await app.LoginAsync("secretariat");

        var response = await secretariat.PostAsync($"/api/v1/letters/{code}/password", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var fresh = issued["password"]!.GetValue<string>();
        Assert.NotEqual(old, fresh);
        Assert.True(issued["sent"]!.GetValue<bool>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => CaseApi.TrackAsync(app.Anonymous(), code, old));
        Assert.NotNull(await CaseApi.TrackAsync(app.Anonymous(), code, fresh));
        Assert.Equal(2, (await SmsToAsync(app, "09151234567")).Count);
        using var auditor = await app.LoginAsync("auditor");
        var events = await CaseApi.HistoryAsync(auditor, code);
        var reissued = Assert.Single(events, e => e["type"]?.GetValue<string>() == "letter.password-reissued");
        Assert.DoesNotContain(fresh, reissued.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reissue_OfSomethingThatIsNotALetter_IsNotFound_AndOnlyTheSecretariatMayAsk()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var complaint = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        using var secretariat = await app.LoginAsync("secretariat");
        using var edesk = await app.LoginAsync("edesk");

        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PostAsync($"/api/v1/letters/{complaint}/password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PostAsync("/api/v1/letters/12345/password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await edesk.PostAsync($"/api/v1/letters/{complaint}/password", null)).StatusCode);
    }

    internal static async Task<(string Code, string Password)> RegisterAsync(TestApp app)
    {
        using var secretariat = await app.LoginAsync("secretariat");
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

    private static async Task<List<NotificationMessage>> SmsToAsync(TestApp app, string mobile)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKinds.Sms).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<NotificationMessage>(r.Payload, JsonSerializerOptions.Web)!).Where(m => m.To == mobile).ToList();
    }
}

public sealed class LetterPasswordOnSqlite(TestDatabases databases) : LetterPasswordScenarios(databases, Store.Sqlite);

public sealed class LetterPasswordOnPostgres(TestDatabases databases) : LetterPasswordScenarios(databases, Store.Postgres);
