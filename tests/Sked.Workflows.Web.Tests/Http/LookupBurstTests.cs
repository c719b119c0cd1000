using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Http;

/// <summary>
/// A burst of tracking lookups from many citizens at once: they wait their turn (a few run at once)
/// and are all answered; only when the waiting line itself is full is a lookup refused, with 429, a
/// Persian message and a Retry-After — never a server error.
/// </summary>
public sealed class LookupBurstTests(TestDatabases databases)
{
    private const int Burst = 300;

    [Fact]
    public async Task A_burst_waits_its_turn_and_every_lookup_is_answered()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RateLimits:TrackingAtOnce"] = "1",
        });
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var statuses = await BurstAsync(app, code);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task When_the_waiting_line_is_full_a_lookup_is_refused_with_429_and_a_short_Retry_After()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RateLimits:TrackingAtOnce"] = "1",
            ["RateLimits:TrackingQueue"] = "0",
        });
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        var (statuses, refused) = await RefusedAsync(app, code);

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"answered {(int)s}"));
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        var title = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>();
        Assert.Matches("[\u0600-\u06FF]", title);
    }

    private static async Task<HttpStatusCode[]> BurstAsync(TestApp app, string code)
    {
        var client = app.Anonymous();
        return await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await client.GetAsync($"/api/v1/cases/{code}");
            return response.StatusCode;
        }));
    }

    // Bursts until one lookup is refused (lookups are quick: a burst may pass without two at once), and
    // returns every burst's answers and the refused one.
    private static async Task<(List<HttpStatusCode> Statuses, HttpResponseMessage Refused)> RefusedAsync(TestApp app, string code)
    {
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.GetAsync($"/api/v1/cases/{code}")));
            statuses.AddRange(responses.Select(r => r.StatusCode));
            if (responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests) is { } refused)
            {
                return (statuses, refused);
            }
        }

        throw new InvalidOperationException("no lookup of 20 bursts was refused");
    }
}
