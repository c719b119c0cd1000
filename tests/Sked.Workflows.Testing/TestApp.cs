using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sked.Workflows.Web;

namespace Sked.Workflows.Testing;

/// <summary>
/// The real app, started in-process on 127.0.0.1 and a free port against a test database, with the
/// demo staff accounts (no demo cases). Stop it and start another on the same database to test a restart.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Password = "Sked-Demo-1404";

    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private TestApp(WebApplication app, DatabaseTarget database)
    {
        _app = app;
        Database = database;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }
    public DatabaseTarget Database { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(DatabaseTarget database, string? workflowsFolder = null, IReadOnlyDictionary<string, string>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            // The app's own folder, so the portal's stylesheet, font and map are served as in production.
            ["contentRoot"] = RepositoryFolder.WebProject,
            ["environment"] = "Testing",
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Sked"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Cases"] = "0",
            ["RateLimits:TrackingPerMinute"] = "100000",
            ["RateLimits:SubmissionsPerMinute"] = "100000",
            // Each app its own case index folder, as each node has (a test's settings may pass a folder to share across a restart).
            ["Search:CaseIndexPath"] = Path.Combine(Path.GetTempPath(), "sked-case-index-" + Guid.NewGuid().ToString("N")),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        if (workflowsFolder is not null)
        {
            values["Engine:WorkflowsPath"] = workflowsFolder;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            values[key] = value;
        }

        var args = values.Select(v => $"--{v.Key}={v.Value}").ToArray();
        var app = SkedWebApp.Create(args, configure);
        await app.InitializeSkedAsync();
        await app.StartAsync();
        return new TestApp(app, database);
    }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>
    /// Waits until every committed message has been delivered (and its notification.sent event
    /// written), so a test that counts audit events counts a settled history.
    /// </summary>
    public async Task OutboxDrainedAsync(TimeSpan? timeout = null)
    {
        await using var db = await Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.SkedDbContext>>().CreateDbContextAsync();
        await Eventually.GetAsync(
            async () => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Outbox,
                m => m.Status == Infrastructure.Outbox.OutboxStatus.Pending && m.Kind.StartsWith("notify.")) ? null : "drained",
            timeout ?? TimeSpan.FromSeconds(30), "the outbox to deliver its messages");
    }

    public HttpClient Anonymous()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _clients.Add(client);
        return client;
    }

    /// <summary>Logs in through POST /login and returns a client that sends the bearer token.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/login", new { email = userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
