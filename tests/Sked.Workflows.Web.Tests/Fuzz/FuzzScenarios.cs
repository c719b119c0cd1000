using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Tests.Http;

namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// Issue 16's fuzz suite: every operation of /openapi/v1.json and every portal form, sent hostile
/// values anonymously and signed in as staff; no answer may be a 5xx (but a 503 with Retry-After).
/// CI runs 1,500 requests per store with a fixed seed; SKED_FUZZ_COUNT and SKED_FUZZ_SEED=random
/// run the long form by hand (docs/reliability.md).
/// </summary>
public abstract class FuzzScenarios(TestDatabases databases, Store store)
{
    private const int Parallel = 4;
    private static readonly string[] StaffUsers = ["edesk", "staff.billing", "head.billing", "auditor", "process-owner", "secretariat", "admin"];

    [Fact]
    public async Task FuzzedRequests_FromTheOpenApiDocumentAndThePortalForms_NeverAnswer5xx()
    {
        var settings = FuzzSettings.FromEnvironment();
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var clients = await ClientsAsync(app);
        var known = await KnownTextsAsync(app, clients["edesk"]);
        var document = (await clients["anonymous"].GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var operations = OpenApiOperation.Read(document);
        Assert.NotEmpty(operations);

        Console.Error.WriteLine($"fuzzing {settings.Count} requests on {store} with seed {settings.Seed}");
        var random = new Random(settings.Seed);
        var api = new OpenApiFuzzer(new SchemaValues(document, random, known), random);
        var portal = new PortalFormFuzzer(random, await AntiforgeryToken.ReadAsync(clients[PortalFormFuzzer.Client], "/ceo"), known);
        var failures = new FuzzFailures();
        for (var sent = 0; sent < settings.Count; sent += Parallel)
        {
            // Generated in order from the one seeded Random, then sent together: the same seed sends the same requests.
            var batch = Enumerable.Range(0, Math.Min(Parallel, settings.Count - sent)).Select(_ => Next(random, api, portal, operations)).ToList();
            await Task.WhenAll(batch.Select(r => SendAsync(clients[r.Client], r, failures)));
        }

        // A request that leaves the store stuck would hide behind 503s from then on: a citizen must still be able to write.
        using var after = await clients["anonymous"].PostAsJsonAsync("/api/v1/cases", CaseApi.Complaint(), TestContext.Current.CancellationToken);
        Assert.True(after.IsSuccessStatusCode, $"after the fuzz a citizen's case answered {(int)after.StatusCode} (seed {settings.Seed}, count {settings.Count})");

        // On the console too, so a long run by hand shows its figure even when it passes.
        Console.Error.WriteLine(failures.Report(settings, store.ToString()));
        Assert.True(failures.Failed == 0, failures.Report(settings, store.ToString()));
    }

    private static FuzzRequest Next(Random random, OpenApiFuzzer api, PortalFormFuzzer portal, IReadOnlyList<OpenApiOperation> operations)
    {
        if (random.Next(4) == 0)
        {
            return portal.Next();
        }

        var client = random.Next(5) < 2 ? HostileValues.Pick(random, StaffUsers) : "anonymous";
        return api.Request(HostileValues.Pick(random, operations), client);
    }

    private static async Task SendAsync(HttpClient client, FuzzRequest request, FuzzFailures failures)
    {
        try
        {
            using var message = request.ToMessage();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(message);
            failures.Answered(request, response);
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
            {
                // A slow answer is no failure, but it is where a stall (a held writer, a slow query) shows first.
                Console.Error.WriteLine($"slow ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s): " + request.Describe(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        catch (HttpRequestException exception)
        {
            failures.NoAnswer(request, exception);
        }
        catch (TaskCanceledException exception)
        {
            failures.NoAnswer(request, exception);
        }
    }

    private static async Task<Dictionary<string, HttpClient>> ClientsAsync(TestApp app)
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { ["anonymous"] = app.Anonymous(), [PortalFormFuzzer.Client] = app.Anonymous() };
        foreach (var user in StaffUsers)
        {
            clients[user] = await app.LoginAsync(user);
        }

        return clients;
    }

    /// <summary>Real tracking codes and task ids, so some fuzzed requests reach a case or task that exists.</summary>
    private static async Task<List<string>> KnownTextsAsync(TestApp app, HttpClient edesk)
    {
        var known = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            known.Add(await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint()));
        }

        await Eventually.GetAsync(async () => (await CaseApi.TasksAsync(edesk, "available")).Count >= 3 ? "ready" : null, TimeSpan.FromSeconds(30), "the cases' first tasks");
        known.AddRange((await CaseApi.TasksAsync(edesk, "available")).Select(t => t["id"]!.ToString()));
        return known;
    }
}

public sealed class FuzzOnSqlite(TestDatabases databases) : FuzzScenarios(databases, Store.Sqlite);

public sealed class FuzzOnPostgres(TestDatabases databases) : FuzzScenarios(databases, Store.Postgres);
