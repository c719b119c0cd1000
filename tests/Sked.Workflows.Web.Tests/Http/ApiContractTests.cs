using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>What API clients see at the edges: errors, limits, documents. Store-independent, so on SQLite.</summary>
public sealed class ApiContractTests(TestDatabases databases) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task InvalidSubmission_Returns400_WithAPersianErrorPerField()
    {
        var response = await _app.Anonymous().PostAsJsonAsync("/api/v1/cases", new
        {
            type = "complaint",
            subject = "",
            body = "متن کوتاه اما کافی برای شکایت",
            citizen = new { name = "علی", nationalCode = "1234567890", mobile = "0912" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("کد ملی", errors["citizen.nationalCode"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("موضوع", errors["subject"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(errors["citizen.mobile"]);
        Assert.Null(errors["body"]);
    }

    [Theory]
    [InlineData("{\"type\": \"complaint\", ")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\": 42, \"anonymous\": \"maybe\"}")]
    [InlineData("{\"type\": \"complaint\", \"location\": {\"lat\": \"north\"}}")]
    public async Task MalformedBody_Returns400_NeverA500(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _app.Anonymous().PostAsync("/api/v1/cases", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("public-report", "category")]
    [InlineData("ceo-question", "answerType")]
    [InlineData("letter", "type")]
    [InlineData("unknown", "type")]
    public async Task SubmissionMissingWhatItsTypeNeeds_NamesTheField(string type, string field)
    {
        var response = await _app.Anonymous().PostAsJsonAsync("/api/v1/cases", new
        {
            type,
            subject = "موضوع آزمایشی",
            body = "متن آزمایشی به اندازه کافی بلند",
            citizen = new { name = "علی", mobile = "09123456789" },
            location = new { address = "کرمان" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
    }

    [Fact]
    public async Task TrackingCode_TypedInPersianDigits_Works_AndAMalformedOneIs400()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        var persian = new string(code.Select(c => (char)('۰' + (c - '0'))).ToArray());

        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().GetAsync($"/api/v1/cases/{persian}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Anonymous().GetAsync("/api/v1/cases/12345")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Anonymous().GetAsync($"/api/v1/cases/{code[..13]}{(code[13] - '0' + 1) % 10}")).StatusCode);
    }

    [Fact]
    public async Task GuessingClient_IsThrottled_With429AndRetryAfter()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RateLimits:TrackingPerMinute"] = "5",
        });
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync($"/api/v1/cases/{Domain.TrackingCodes.TrackingCode.New().Value}")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var limited = await client.GetAsync($"/api/v1/cases/{Domain.TrackingCodes.TrackingCode.New().Value}");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task RoleProtectedEndpoints_RefuseOtherRoles()
    {
        var edesk = await _app.LoginAsync("edesk");
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());

        Assert.Equal(HttpStatusCode.Forbidden, (await edesk.GetAsync($"/api/v1/cases/{code}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await edesk.PostAsJsonAsync("/api/v1/letters", new { subject = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync($"/api/v1/cases/{code}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Anonymous().PostAsJsonAsync("/register", new { email = "x@y.ir", password = "Aa-123456789" })).StatusCode);
    }

    [Fact]
    public async Task Health_OpenApi_AndDepartments_AreServed()
    {
        var client = _app.Anonymous();
        var health = await client.GetFromJsonAsync<JsonObject>("/health");
        Assert.Equal("ok", health!["status"]!.GetValue<string>());

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/cases/{trackingCode}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/tasks/{id}/complete", openApi, StringComparison.Ordinal);

        var departments = await client.GetFromJsonAsync<JsonArray>("/api/v1/departments");
        Assert.Contains(departments!, d => d!["code"]!.GetValue<string>() == "metering" && d["name"]!.GetValue<string>() == "کنتور و اندازه‌گیری");
    }

    [Fact]
    public async Task CompletingWithAnUnknownOutcomeOrField_Returns400_AndTheTaskStaysOpen()
    {
        var code = await CaseApi.SubmitAsync(_app.Anonymous(), CaseApi.Complaint());
        var edesk = await _app.LoginAsync("edesk");
        var id = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();

        var unknownOutcome = await CaseApi.CompleteAsync(edesk, id, "approve");
        var unknownField = await CaseApi.CompleteAsync(edesk, id, "route", new { department = "billing", secret = "x" });
        var unknownDepartment = await CaseApi.CompleteAsync(edesk, id, "route", new { department = "nowhere" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownDepartment.StatusCode);
        Assert.NotNull(await CaseApi.TaskForAsync(edesk, code, "available"));
    }
}
