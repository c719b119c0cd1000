using System.Net;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Portal;

/// <summary>The portal's forms against bots, guessers and garbage, over plain HTTP.</summary>
public sealed class PortalAbuseTests(TestDatabases databases) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite),
        settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["RateLimits:TrackingPerMinute"] = "4" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FormPostedWithoutItsAntiforgeryToken_IsRefused_AndStoresNothing()
    {
        var client = _app.Anonymous();
        using var form = Form(("_handler", "send-case"), ("Form.Subject", "موضوع"), ("Form.Body", "متنی به اندازه کافی بلند"), ("Form.Name", "علی"), ("Form.Mobile", "09123456789"));

        var response = await client.PostAsync("/send/complaint", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CasesAsync());
    }

    [Fact]
    public async Task BotThatFillsTheHiddenField_GetsNoCase()
    {
        var (client, token) = await FormPageAsync("/send/complaint");
        using var form = Form(("__RequestVerificationToken", token), ("_handler", "send-case"), ("Form.Subject", "موضوع آزمایشی"),
            ("Form.Body", "متنی به اندازه کافی بلند برای ارسال"), ("Form.Name", "ربات"), ("Form.Mobile", "09123456789"), ("Form.Website", "http://spam.example"));

        var response = await client.PostAsync("/send/complaint", form);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await CasesAsync());
    }

    [Theory]
    [InlineData("Form.Anonymous", "maybe")]
    [InlineData("Form.Lat", "NaN")]
    [InlineData("Form.Lng", "1e999")]
    [InlineData("Form.Category", "<script>alert(1)</script>")]
    [InlineData("Form.Subject", "")]
    public async Task GarbageInAReportForm_NeverGivesA500(string field, string value)
    {
        var (client, token) = await FormPageAsync("/report");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "report",
            ["Form.Category"] = "hazard",
            ["Form.Subject"] = "سیم افتاده",
            ["Form.Body"] = "یک سیم برق کنار پیاده‌رو افتاده است.",
            ["Form.Address"] = "کرمان",
            ["Form.Anonymous"] = "true",
        };
        fields[field] = value;
        using var form = Form([.. fields.Select(f => (f.Key, f.Value))]);

        var response = await client.PostAsync("/report", form);

        Assert.True((int)response.StatusCode < 500, $"{field}={value} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuessingTrackingCodes_IsThrottled_WithAPersianPageAndRetryAfter()
    {
        var (client, token) = await FormPageAsync("/track");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            using var form = Form(("__RequestVerificationToken", token), ("_handler", "track"), ("Query.Code", Domain.TrackingCodes.TrackingCode.New().Value));
            last = await client.PostAsync("/track", form);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("بیش از حد مجاز", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        var response = await _app.Anonymous().GetAsync("/report");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private async Task<(HttpClient Client, string Token)> FormPageAsync(string path)
    {
        var client = _app.Anonymous();
        return (client, await Http.AntiforgeryToken.ReadAsync(client, path));
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private async Task<int> CasesAsync()
    {
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }
}
