using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Sked.Workflows.Infrastructure.Cluster;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>Two nodes in this process on one PostgreSQL database: live updates and races between them.</summary>
public sealed class CrossNodeFeedTests(TestDatabases databases)
{
    [Fact]
    public async Task ACaseSubmittedThroughNodeA_ReachesTheInboxOfStaffOnNodeB_WithinOneSecond_AndIsPublishedOnceOnEachNode()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await TestApp.StartAsync(database);
        await using var b = await TestApp.StartAsync(database);
        await ListeningAsync(a);
        await ListeningAsync(b);
        var clock = Stopwatch.StartNew();
        var onA = Record(a);
        var onB = Record(b);
        var edeskOnB = await b.LoginAsync("edesk");

        clock.Restart();
        var code = await CaseApi.SubmitAsync(a.Anonymous(), CaseApi.Complaint());
        var heard = (await Eventually.GetAsync(() => Task.FromResult(onB.Where(c => c.Change.TrackingCode == code).Select(c => Tuple.Create(c.Change, c.At)).FirstOrDefault()),
            TimeSpan.FromSeconds(5), "node B to hear the case")).ToValueTuple();

        // From the commit on node A (its own feed's publication) to node B's feed: the part this node pair adds.
        var committed = await Eventually.GetAsync(() => Task.FromResult(onA.Where(c => c.Change.TrackingCode == code).Select(c => Tuple.Create(c.Change, c.At)).FirstOrDefault()),
            TimeSpan.FromSeconds(5), "node A to publish its commit");
        var delay = heard.Item2 - committed.Item2;
        Assert.True(delay <= TimeSpan.FromSeconds(1), $"node B heard the case {delay.TotalMilliseconds:0} ms after node A committed it");
        Assert.True(heard.Item1.FromOtherNode);
        Assert.NotNull(await CaseApi.TaskForAsync(edeskOnB, code));

        // Node A published its own change once, and never heard it back; node B heard it once.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(onA, c => c.Change.TrackingCode == code);
        Assert.False(onA.Single(c => c.Change.TrackingCode == code).Change.FromOtherNode);
        Assert.Single(onB, c => c.Change.TrackingCode == code);

        ConcurrentQueue<(TaskChangedEventArgs Change, TimeSpan At)> Record(TestApp app)
        {
            var heardHere = new ConcurrentQueue<(TaskChangedEventArgs Change, TimeSpan At)>();
            app.Service<TaskFeed>().Changed += (_, change) => heardHere.Enqueue((change, clock.Elapsed));
            return heardHere;
        }
    }

    [Fact]
    public async Task StaffNoticesWrittenOnNodeA_RingTheBellOnNodeB_AndAreNotSentBack()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await TestApp.StartAsync(database);
        await using var b = await TestApp.StartAsync(database);
        await ListeningAsync(a);
        await ListeningAsync(b);
        var onA = new ConcurrentQueue<StaffNoticesWrittenEventArgs>();
        var onB = new ConcurrentQueue<StaffNoticesWrittenEventArgs>();
        a.Service<StaffNoticeFeed>().Written += (_, written) => onA.Enqueue(written);
        b.Service<StaffNoticeFeed>().Written += (_, written) => onB.Enqueue(written);

        // As the engine runner does after a commit that wrote notices.
        a.Service<StaffNoticeFeed>().Publish(["head.billing"]);

        var heard = await Eventually.GetAsync(() => Task.FromResult(onB.FirstOrDefault()), TimeSpan.FromSeconds(5), "node B's bell to hear the notice");
        Assert.Equal(["head.billing"], heard.Recipients);
        Assert.True(heard.FromOtherNode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(onA);
        Assert.Single(onB);
    }

    [Fact]
    public async Task ACommitNoNotificationToldOf_IsCaughtUpWithinSeconds()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await TestApp.StartAsync(database);
        await using var b = await TestApp.StartAsync(database);
        await ListeningAsync(b);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var onB = new ConcurrentQueue<TaskChangedEventArgs>();
        b.Service<TaskFeed>().Changed += (_, change) => onB.Enqueue(change);

        // A sign-in commits an audit event and tells no screen, as a node that died between its commit and its
        // notification would: the chain's head grows with nothing published.
        await a.LoginAsync("edesk");

        var caught = await Eventually.GetAsync(() => Task.FromResult(onB.FirstOrDefault(c => c.Kind == "catch-up")), TimeSpan.FromSeconds(5), "node B to catch up");
        Assert.True(caught.FromOtherNode);
    }

    [Fact]
    public async Task TheListeningConnectionCut_IsOpenedAgain_AndChangesFlowAgain()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await TestApp.StartAsync(database);
        await using var b = await TestApp.StartAsync(database, settings: new Dictionary<string, string>(StringComparer.Ordinal) { ["Cluster:NodeName"] = "node-b" });
        await ListeningAsync(b);
        var onB = new ConcurrentQueue<TaskChangedEventArgs>();
        b.Service<TaskFeed>().Changed += (_, change) => onB.Enqueue(change);

        // As a database restart or a network cut would: the server ends node B's listening session.
        await using (var admin = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var cut = new Npgsql.NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'sked-listen node-b' AND datname = current_database()", admin);
            Assert.Equal(1L, await cut.ExecuteScalarAsync());
        }

        await Eventually.GetAsync(() => Task.FromResult(onB.FirstOrDefault(c => c.Kind == "reconnected")), TimeSpan.FromSeconds(20), "node B to listen again");
        var code = await CaseApi.SubmitAsync(a.Anonymous(), CaseApi.Complaint());
        await Eventually.GetAsync(() => Task.FromResult(onB.FirstOrDefault(c => c.TrackingCode == code)), TimeSpan.FromSeconds(5), "node B to hear the case after the cut");
    }

    [Fact]
    public async Task AClaimRaceBetweenTheNodes_HasOneWinner()
    {
        var database = await databases.CreateAsync(Store.Postgres);
        await using var a = await TestApp.StartAsync(database);
        await using var b = await TestApp.StartAsync(database);
        var edesk = await a.LoginAsync("edesk");
        var staffOnA = await a.LoginAsync("staff.billing");
        var colleagueOnB = await b.LoginAsync("colleague.billing");
        for (var round = 0; round < 5; round++)
        {
            var code = await CaseApi.SubmitAsync(a.Anonymous(), CaseApi.Complaint());
            var review = (await CaseApi.TaskForAsync(edesk, code))!["id"]!.GetValue<string>();
            Assert.True((await CaseApi.ClaimAsync(edesk, review)).IsSuccessStatusCode);
            Assert.True((await CaseApi.CompleteAsync(edesk, review, "route", new { department = "billing" })).IsSuccessStatusCode);
            var task = (await CaseApi.TaskForAsync(colleagueOnB, code))!["id"]!.GetValue<string>();

            // Two members of one department, each on another node, claim the same task at once.
            var answers = await Task.WhenAll(CaseApi.ClaimAsync(staffOnA, task), CaseApi.ClaimAsync(colleagueOnB, task));

            Assert.Single(answers, r => r.IsSuccessStatusCode);
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        }
    }

    private static Task<string> ListeningAsync(TestApp app) =>
        Eventually.GetAsync(() => Task.FromResult(app.Service<TaskChangeListener>().Listening ? "listening" : null), TimeSpan.FromSeconds(20), "the node to listen for other nodes' changes");
}
