using System.Text.Json.Nodes;
using Sked.Workflows.Infrastructure.Tests.Notifications;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// One fault's stage: its database, the SMS operator stand-in that counts what it is sent, the shipped
/// workflows with the e-desk review reminding after 2 s (a timer for every case), short leases so a
/// killed process's work moves on soon, and the tally the clients keep across restarts.
/// </summary>
public sealed class ChaosStage : IAsyncDisposable
{
    private ChaosStage(DatabaseTarget database, KavenegarStandIn op, string folder, string workflows)
    {
        Database = database;
        Operator = op;
        Folder = folder;
        Settings = new Dictionary<string, string>(op.Settings(), StringComparer.Ordinal)
        {
            ["Engine:WorkflowsPath"] = workflows,
            ["RateLimits:TrackingPerMinute"] = "1000000",
            ["RateLimits:SubmissionsPerMinute"] = "1000000",
            ["Cluster:LeaseSeconds"] = "3",
            ["Timers:Lease"] = "00:00:03",
            ["Outbox:Lease"] = "00:00:06",
            ["Outbox:PollInterval"] = "00:00:00.200",
            // A failed delivery is tried again after 1 s, 2 s, 4 s…, so the suite's wait sees the outbox catch up.
            ["Outbox:RetryBaseDelay"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public DatabaseTarget Database { get; }
    public KavenegarStandIn Operator { get; }
    public string Folder { get; }
    public ChaosTally Tally { get; } = new();

    /// <summary>The app's settings on this stage (as TestApp takes them); a fault may add its own.</summary>
    public Dictionary<string, string> Settings { get; }

    public static async Task<ChaosStage> SetUpAsync(TestDatabases databases, DatabaseTarget database)
    {
        var folder = databases.NewFolder();
        var workflows = WorkflowFolder.CopyTo(Directory.CreateDirectory(Path.Combine(folder, "workflows")).FullName);
        WorkflowFolder.Edit(workflows, "complaint", d =>
        {
            var properties = WorkflowFolder.Node(d, "edesk-review")["properties"]!.AsObject();
            properties["sla"] = "PT1H";
            properties["escalation"] = new JsonArray(new JsonObject { ["after"] = "PT2S", ["action"] = "remind" });
        });
        return new ChaosStage(database, await KavenegarStandIn.StartNewAsync(), folder, workflows);
    }

    /// <summary>The app in this test's process, on the stage's database.</summary>
    public Task<TestApp> StartAppAsync() => TestApp.StartAsync(Database, settings: Settings);

    /// <summary>The settings for the app as a process of its own (<c>NodeProcess</c>): what TestApp adds itself, too.</summary>
    public Dictionary<string, string> ProcessSettings() => new(Settings, StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Database:Provider"] = Database.Provider,
        ["ConnectionStrings:Sked"] = Database.ConnectionString,
        ["Demo:Enabled"] = "true",
        ["Demo:Cases"] = "0",
        ["Search:CaseIndexPath"] = Path.Combine(Folder, "index"),
    };

    /// <summary>Counts what the fault left behind once <paramref name="app"/> has caught up, prints the one line, and fails on any count.</summary>
    /// <param name="wait">How long the app may take to catch up (45 s unless said).</param>
    public async Task<ChaosCounts> ReportAsync(string fault, TestApp app, string detail, TimeSpan? wait = null)
    {
        var counts = await ChaosAftermath.SettleAsync(app, Tally, Operator, wait);
        var line = counts.Line(fault, Tally, detail);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(RepositoryFolder.Artifacts("chaos"), "summary.txt"), $"{TimeProvider.System.GetUtcNow():u} {line}\n");
        Assert.True(counts.Clean, line + (Tally.Unexpected.IsEmpty ? "" : "; first unexpected: " + string.Join(", ", Tally.Unexpected.Take(5))));
        return counts;
    }

    public ValueTask DisposeAsync() => Operator.DisposeAsync();
}
