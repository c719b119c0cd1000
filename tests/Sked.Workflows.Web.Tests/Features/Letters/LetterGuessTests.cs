using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Letters;

/// <summary>
/// A letter's eight-digit password against guessing (issue 16, defect 6): after a few wrong
/// passwords the letter rests for seconds, whatever address the guesses come from, and guesses sent
/// at once get one check. The sender still gets in within a minute. Kept in memory, so on SQLite.
/// </summary>
public sealed class LetterGuessTests(TestDatabases databases)
{
    [Fact]
    public async Task WrongPasswords_RestTheLetterForSeconds_ThenItsSenderGetsIn()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(time);
        var (code, password) = await LetterPasswordScenarios.RegisterAsync(app);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TrackAsync(app, code, $"1234567{i}");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        using var resting = await TrackAsync(app, code, password);
        Assert.Equal(HttpStatusCode.TooManyRequests, resting.StatusCode);
        Assert.True(resting.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a resting letter says when to come back");
        Assert.Contains("رمز نادرست", (await resting.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>(), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await TrackAsync(app, code, password)).StatusCode);
    }

    [Fact]
    public async Task GuessesSentAtOnce_ToARestingLetter_GetOneCheck()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(time);
        var (code, _) = await LetterPasswordScenarios.RegisterAsync(app);
        for (var i = 0; i < 5; i++)
        {
            (await TrackAsync(app, code, $"8765432{i}")).Dispose();
        }

        time.Advance(TimeSpan.FromMinutes(2));
        var answers = await Task.WhenAll(Enumerable.Range(10, 20).Select(async i =>
        {
            using var response = await TrackAsync(app, code, $"000000{i}");
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.NotFound));
        Assert.Equal(19, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    private async Task<TestApp> StartAsync(FakeTimeProvider time) =>
        await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite),
            settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["RateLimits:TrackingPerMinute"] = "1000" },
            configure: b => b.Services.AddSingleton<TimeProvider>(time));

    /// <summary>GET /api/v1/cases/{code} with the password header, each from a fresh client (another address, as far as the letter knows).</summary>
    private static async Task<HttpResponseMessage> TrackAsync(TestApp app, string code, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{code}");
        request.Headers.Add("X-Tracking-Password", password);
        return await app.Anonymous().SendAsync(request);
    }
}
