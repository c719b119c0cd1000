using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>
/// Failed password guesses slow a staff account down for seconds; they never lock it (issue 16,
/// defect 4: anyone could lock the e-desk out with five wrong passwords). The ceiling is per
/// account, shared by every address and node, so guesses sent at once get one password check.
/// </summary>
public abstract class LoginDelayScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task WrongGuesses_RestTheAccountForSeconds_AndTheOwnerThenSignsIn()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(time);
        var guesser = app.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("Failed", await LoginAsync(guesser, "wrong-" + i));
        }

        Assert.Equal("LockedOut", await LoginAsync(app.Anonymous(), TestApp.Password));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("ok", await LoginAsync(app.Anonymous(), TestApp.Password));

        // Signed in once, the failures in a row are forgotten: five typing mistakes are free again.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("Failed", await LoginAsync(guesser, "again-" + i));
        }
    }

    [Fact]
    public async Task GuessesSentAtOnce_ToARestingAccount_GetOnePasswordCheck()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(time);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(app.Anonymous(), "wrong-" + i);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => LoginAsync(app.Anonymous(), "burst-" + i)));

        Assert.Equal(1, answers.Count(a => a == "Failed"));
        Assert.Equal(19, answers.Count(a => a == "LockedOut"));
    }

    private async Task<TestApp> StartAsync(FakeTimeProvider time) =>
        await TestApp.StartAsync(await databases.CreateAsync(store),
            settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["RateLimits:LoginsPerMinute"] = "1000" },
            configure: b => b.Services.AddSingleton<TimeProvider>(time));

    /// <summary>POST /login as e-desk: "ok", or Identity's reason ("Failed", "LockedOut").</summary>
    private static async Task<string> LoginAsync(HttpClient client, string password)
    {
        using var response = await client.PostAsJsonAsync("/login", new { email = "edesk", password });
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return "ok";
        }

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
    }
}

public sealed class LoginDelayOnSqlite(TestDatabases databases) : LoginDelayScenarios(databases, Store.Sqlite);

public sealed class LoginDelayOnPostgres(TestDatabases databases) : LoginDelayScenarios(databases, Store.Postgres);
