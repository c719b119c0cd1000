using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Audit;

/// <summary>The audit hash chain in the database, on each store: concurrency, tampering, old events, checkpoints.</summary>
public abstract class AuditChainScenarios(TestDatabases databases, Store store)
{
    private static readonly byte[] OtherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public async Task ConcurrentSubmissionsAndCompletions_AreChainedOneAfterAnother_WithoutAGap()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();
        var edesk = await app.LoginAsync("edesk");

        var codes = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            CaseApi.SubmitAsync(citizen, CaseApi.Complaint($"شکایت شماره {i}", $"برق کوچه شماره {i} از دیروز قطع است."))));
        var tasks = (await CaseApi.TasksAsync(edesk, "available")).Where(t => codes.Contains(t["trackingCode"]!.GetValue<string>())).ToList();
        var completions = await Task.WhenAll(tasks.Select(t => CaseApi.CompleteAsync(edesk, t["id"]!.GetValue<string>(), "route", new { department = "billing" })));

        Assert.Equal(20, tasks.Count);
        Assert.All(completions, c => Assert.Equal(HttpStatusCode.NoContent, c.StatusCode));
        await app.OutboxDrainedAsync();
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var count = await AssertLanesWithoutAGapAsync(db);
        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"broken at {chain.FirstBroken}");
        Assert.Equal(count, chain.Events);
        // PostgreSQL seals on its lanes in turn (docs/adr/0007): forty-odd seals use all three.
        Assert.Equal(store == Store.Postgres ? 3 : 1, chain.Heads.Count(h => h.Verified > 0));
    }

    [Fact]
    public async Task TamperingInTheDatabase_IsFoundAtTheEventItBroke_AndUndoingItMendsTheChain()
    {
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        // Enough for the lane with the most events to hold five on PostgreSQL's three lanes too.
        for (var i = 0; i < (store == Store.Postgres ? 6 : 3); i++)
        {
            await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        }

        // The chain is edited by hand below: no notification may append to it meanwhile.
        await app.OutboxDrainedAsync();
        await using var db = AuditChecks.OpenDatabase(database);
        await AuditChecks.AllowAuditChangesAsync(db, store);
        var all = await db.AuditEvents.AsNoTracking().OrderBy(a => a.Seq).ToListAsync();
        // One lane's events: a link is to the event before it on its own lane.
        var events = all.GroupBy(a => ChainLanes.Of(a.Seq)).MaxBy(lane => lane.Count())!.ToList();
        Assert.True(events.Count >= 5, $"the fullest lane holds {events.Count} events");
        var middle = events.Count / 2;
        var (target, next, other) = (events[middle], events[middle + 1], events[middle + 3]);

        // A field altered, then put back.
        await SqlAsync(db, """UPDATE audit_events SET "Data" = {0} WHERE "Id" = {1}""", "{\"answer\":\"changed\"}", target.Id);
        await AssertBrokenAsync(app, new ChainBreak(target.Seq, target.Id, "hash"));
        await SqlAsync(db, """UPDATE audit_events SET "Data" = {0} WHERE "Id" = {1}""", target.Data, target.Id);
        await AssertValidAsync(app);

        // An event deleted, then put back.
        await SqlAsync(db, """CREATE TABLE tamper_copy AS SELECT * FROM audit_events WHERE "Id" = {0}""", target.Id);
        await SqlAsync(db, """DELETE FROM audit_events WHERE "Id" = {0}""", target.Id);
        await AssertBrokenAsync(app, new ChainBreak(next.Seq, next.Id, "gap"));
        await SqlAsync(db, "INSERT INTO audit_events SELECT * FROM tamper_copy; DROP TABLE tamper_copy;");
        await AssertValidAsync(app);

        // Two events trade places in the order, then trade back.
        await SwapSeqAsync(db, target, other);
        await AssertBrokenAsync(app, new ChainBreak(target.Seq, other.Id, "hash"));
        await SwapSeqAsync(db, target, other);
        await AssertValidAsync(app);

        // A forged event linked with a key that is not the app's: first beside the chain, then with the head moved to it.
        var lane = ChainLanes.Of(events[0].Seq);
        var head = await db.ChainHead.AsNoTracking().SingleAsync(h => h.Id == lane);
        var last = events[^1];
        var forged = new AuditEvent
        {
            Seq = head.Seq + 1, At = last.At, Type = "task.completed", Actor = last.Actor, CaseId = last.CaseId, TrackingCode = last.TrackingCode,
            InstanceId = last.InstanceId, DefinitionId = last.DefinitionId, DefinitionVersion = last.DefinitionVersion,
            Data = "{\"answer\":\"forged\"}", ClientAddress = last.ClientAddress,
        };
        var forgedHash = new AuditChain(OtherKey).Link(head.Hash, forged);
        var forgedId = last.Id + 1000;
        await SqlAsync(db, """CREATE TABLE tamper_copy AS SELECT * FROM audit_events WHERE "Id" = {0}""", last.Id);
        await SqlAsync(db, """UPDATE tamper_copy SET "Id" = {0}, "Seq" = {1}, "Type" = {2}, "Data" = {3}, "Hash" = {4}""",
            forgedId, forged.Seq, forged.Type, forged.Data, forgedHash);
        await SqlAsync(db, "INSERT INTO audit_events SELECT * FROM tamper_copy; DROP TABLE tamper_copy;");
        await AssertBrokenAsync(app, new ChainBreak(forged.Seq, forgedId, "stray"));
        await SqlAsync(db, """UPDATE audit_chain_head SET "Seq" = {0}, "Hash" = {1} WHERE "Id" = {2}""", forged.Seq, forgedHash, lane);
        await AssertBrokenAsync(app, new ChainBreak(forged.Seq, forgedId, "hash"));
        await SqlAsync(db, """DELETE FROM audit_events WHERE "Id" = {0}""", forgedId);
        await SqlAsync(db, """UPDATE audit_chain_head SET "Seq" = {0}, "Hash" = {1} WHERE "Id" = {2}""", head.Seq, head.Hash, lane);
        await AssertValidAsync(app);

        // The whole chain checked with another key.
        var verification = await new AuditChainVerifier(app.Service<IDbContextFactory<SkedDbContext>>(), new AuditChain(OtherKey)).VerifyAsync(null, default);
        Assert.Equal(new ChainBreak(1, all[0].Id, "hash"), verification.FirstBroken);
    }

    [Fact]
    public async Task EachDayIsClosedByACheckpoint_AndExportedCheckpointsStillMatchTheChain()
    {
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(10));
        var sealer = new AuditChainSealer(app.Service<AuditChain>(), time);
        var firstDay = Domain.Calendar.JalaliDate.LocalDate(time.GetUtcNow());

        await AppendAsync(database, sealer, time, "test.first-day");
        var lastOfFirstDay = await AppendAsync(database, sealer, time, "test.first-day");
        time.Advance(TimeSpan.FromDays(1));
        var today = await AppendAsync(database, sealer, time, "test.second-day");

        var checkpoints = await app.Service<AuditChainVerifier>().CheckpointsAsync(default);
        var closed = Assert.Single(checkpoints, c => c.Day == firstDay);
        Assert.True(closed.Closed);
        Assert.Equal(lastOfFirstDay.Seq, closed.Seq);
        Assert.Equal(AuditChain.Hex(lastOfFirstDay.Hash), closed.Hash);
        // The hand-made sealer seals on lane 1 alone; the app's own seals may have used the other lanes today.
        var running = checkpoints.Last(c => c.Lane == ChainLanes.First);
        Assert.Equal((today.Seq, false), (running.Seq, running.Closed));
        var exported = checkpoints.ToDictionary(c => c.Seq, c => Convert.FromHexString(c.Hash));
        Assert.True((await app.VerifyAuditChainAsync(exported)).Valid);

        await using var db = AuditChecks.OpenDatabase(database);
        await Assert.ThrowsAnyAsync<Exception>(() => SqlAsync(db, """UPDATE audit_checkpoints SET "Seq" = 1"""));
    }

    [Fact]
    public async Task ALaneDeletedWhole_HeadAndEvents_IsFoundByTheExportedCheckpoints()
    {
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        for (var i = 0; i < 3; i++)
        {
            await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        }

        await app.OutboxDrainedAsync();
        var exported = (await app.Service<AuditChainVerifier>().CheckpointsAsync(default)).ToDictionary(c => c.Seq, c => Convert.FromHexString(c.Hash));
        var lane = exported.Keys.Select(ChainLanes.Of).Max();

        // Someone with the database removes a lane, head and all: what is left is a chain that holds by itself.
        await using var db = AuditChecks.OpenDatabase(database);
        await AuditChecks.AllowAuditChangesAsync(db, store);
        await SqlAsync(db, """DELETE FROM audit_events WHERE "Seq" > {0} AND "Seq" <= {1}""", ChainLanes.Start(lane), ChainLanes.End(lane));
        await SqlAsync(db, """DELETE FROM audit_chain_head WHERE "Id" = {0}""", lane);

        Assert.True((await app.VerifyAuditChainAsync()).Valid);
        var checkedAgainstExport = await app.VerifyAuditChainAsync(exported);
        Assert.Equal(new ChainBreak(exported.Keys.Where(seq => ChainLanes.Of(seq) == lane).Min(), null, "checkpoint"), checkedAgainstExport.FirstBroken);
    }

    [Fact]
    public async Task SealedRows_AreStoredAsEfStoresTheirColumns_AndEachEventKnowsItsId()
    {
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await app.OutboxDrainedAsync();
        // Ten days on: the head's day closes into a checkpoint, also written by the sealer.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(10));
        var appended = await AppendAsync(database, new AuditChainSealer(app.Service<AuditChain>(), time), time, "test.stored");

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.TrackingCode == code);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == @case.Id);
        // EF's own parameters find the sealer's rows: ids, instants and days are in the form EF writes.
        var ofCase = await db.AuditEvents.AsNoTracking().Where(a => a.CaseId == @case.Id && a.InstanceId == instance.Id).ToListAsync();
        Assert.NotEmpty(ofCase);
        Assert.All(ofCase, a => Assert.Equal(code, a.TrackingCode));
        var (first, last) = (ofCase.Min(e => e.At), ofCase.Max(e => e.At));
        Assert.Equal(ofCase.Count, await db.AuditEvents.CountAsync(a => a.CaseId == @case.Id && a.At >= first && a.At <= last));
        // The same values compared in SQL, column to column, with rows EF inserted.
        Assert.Equal(ofCase.Count, await CountAsync(db, """
            SELECT COUNT(*) AS "Value" FROM audit_events a JOIN cases c ON a."CaseId" = c."Id" JOIN workflow_instances i ON a."InstanceId" = i."Id"
            WHERE c."TrackingCode" = {0}
            """, code));
        var stored = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Seq == appended.Seq);
        Assert.Equal((stored.Id, stored.At, AuditChain.Hex(stored.Hash)), (appended.Id, appended.At, AuditChain.Hex(appended.Hash)));
        var head = await db.ChainHead.AsNoTracking().SingleAsync(h => h.Id == ChainLanes.First);
        Assert.Equal(Domain.Calendar.JalaliDate.LocalDate(time.GetUtcNow()), head.SealedOn);
        Assert.Equal((appended.Seq, appended.At), (head.Seq, head.At));
        if (store == Store.Sqlite)
        {
            Assert.Equal(0, await CountAsync(db, """SELECT COUNT(*) AS "Value" FROM audit_events WHERE typeof("At") <> 'integer' OR typeof("Hash") <> 'blob'"""));
            Assert.Equal(0, await CountAsync(db, """SELECT COUNT(*) AS "Value" FROM audit_chain_head WHERE typeof("At") <> 'integer' OR typeof("SealedOn") <> 'text'"""));
        }
    }

    [Fact]
    public async Task SealersOfThreeNodes_SealingAtOnce_KeepOneChainWithoutAGap()
    {
        // Each sealer is a node's: it links on the head it last sealed, a guess the others' seals make wrong.
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        var (first, second) = (new AuditChainSealer(app.Service<AuditChain>(), TimeProvider.System),
            new AuditChainSealer(app.Service<AuditChain>(), TimeProvider.System));

        var appends = Enumerable.Range(0, 24).Select(i => AppendAsync(database, i % 2 == 0 ? first : second, TimeProvider.System, "test.node"));
        var submissions = Enumerable.Range(0, 4).Select(_ => CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint()));
        await Task.WhenAll([.. appends, .. submissions]);
        await AppendAsync(database, first, TimeProvider.System, "test.node");
        await app.OutboxDrainedAsync();

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        await AssertLanesWithoutAGapAsync(db);
        Assert.Equal(25, await db.AuditEvents.CountAsync(a => a.Type == "test.node"));
        await AssertValidAsync(app);
    }

    [Fact]
    public async Task ASealWhoseCommitFails_LeavesNoLink_AndTheNextSealsFollowWhatCommitted()
    {
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        var sealer = new AuditChainSealer(app.Service<AuditChain>(), TimeProvider.System);
        var before = await AppendAsync(database, sealer, TimeProvider.System, "test.before");
        await using (var db = AuditChecks.OpenDatabase(database, sealer))
        {
            // A reference checked only at COMMIT: the seal has run by then, and the commit still fails.
            await SqlAsync(db, $"""CREATE TABLE refused_at_commit (x {(store == Store.Postgres ? "uuid" : "TEXT")} REFERENCES cases ("Id") DEFERRABLE INITIALLY DEFERRED)""");
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AuditEvents.Add(new AuditEvent { At = TimeProvider.System.GetUtcNow(), Type = "test.refused", Actor = "test", Data = "{}" });
            await db.SaveChangesAsync();
            await SqlAsync(db, "INSERT INTO refused_at_commit VALUES ({0})", Guid.NewGuid());
            await Assert.ThrowsAnyAsync<Exception>(() => transaction.CommitAsync());
        }

        var after = await AppendAsync(database, sealer, TimeProvider.System, "test.after");
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await app.OutboxDrainedAsync();

        Assert.Equal(before.Seq + 1, after.Seq);
        await using var check = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.False(await check.AuditEvents.AnyAsync(a => a.Type == "test.refused"));
        await AssertLanesWithoutAGapAsync(check);
        await AssertValidAsync(app);
    }

    [Fact]
    public async Task AuditEventSavedOutsideATransaction_IsRefused()
    {
        var database = await databases.CreateAsync(store);
        await using var app = await TestApp.StartAsync(database);
        await using var db = AuditChecks.OpenDatabase(database, app.Service<AuditChainSealer>());
        db.AuditEvents.Add(new AuditEvent { At = TimeProvider.System.GetUtcNow(), Type = "test.loose", Actor = "test", Data = "{}" });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("transaction", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<AuditEvent> AppendAsync(DatabaseTarget database, AuditChainSealer sealer, TimeProvider time, string type)
    {
        await using var db = AuditChecks.OpenDatabase(database, sealer);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var audit = new AuditEvent { At = time.GetUtcNow(), Type = type, Actor = "test", Data = "{}" };
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return audit;
    }

    /// <summary>Every lane's events are numbered from its start without a gap up to its head, and none is outside a lane; returns how many there are.</summary>
    private static async Task<int> AssertLanesWithoutAGapAsync(SkedDbContext db)
    {
        var seqs = await db.AuditEvents.OrderBy(a => a.Seq).Select(a => a.Seq).ToListAsync();
        var heads = await db.ChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        var onLanes = 0;
        foreach (var head in heads)
        {
            var lane = seqs.Where(seq => ChainLanes.Of(seq) == head.Id).ToList();
            Assert.Equal(Enumerable.Range(1, lane.Count).Select(i => ChainLanes.Start(head.Id) + i), lane);
            Assert.Equal(ChainLanes.Start(head.Id) + lane.Count, head.Seq);
            onLanes += lane.Count;
        }

        Assert.Equal(seqs.Count, onLanes);
        return seqs.Count;
    }

    private static async Task SwapSeqAsync(SkedDbContext db, AuditEvent a, AuditEvent b)
    {
        var seqs = await db.AuditEvents.Where(x => x.Id == a.Id || x.Id == b.Id).Select(x => new { x.Id, x.Seq }).ToDictionaryAsync(x => x.Id, x => x.Seq);
        var (seqA, seqB) = (seqs[a.Id], seqs[b.Id]);
        await SqlAsync(db, """UPDATE audit_events SET "Seq" = -1 WHERE "Id" = {0}""", a.Id);
        await SqlAsync(db, """UPDATE audit_events SET "Seq" = {0} WHERE "Id" = {1}""", seqA, b.Id);
        await SqlAsync(db, """UPDATE audit_events SET "Seq" = {0} WHERE "Id" = {1}""", seqB, a.Id);
    }

#pragma warning disable EF1002 // Test-only SQL with constant text; values go as parameters.
    private static Task<long> CountAsync(SkedDbContext db, string sql, params object[] values) => db.Database.SqlQueryRaw<long>(sql, values).SingleAsync();
#pragma warning restore EF1002

#pragma warning disable EF1002 // Test-only SQL with constant text; values go as parameters.
    private static Task<int> SqlAsync(SkedDbContext db, string sql, params object[] values) => db.Database.ExecuteSqlRawAsync(sql, values);
#pragma warning restore EF1002

    private static async Task AssertBrokenAsync(TestApp app, ChainBreak expected)
    {
        var result = await app.VerifyAuditChainAsync();
        Assert.False(result.Valid);
        Assert.Equal(expected, result.FirstBroken);
    }

    private static async Task AssertValidAsync(TestApp app)
    {
        var result = await app.VerifyAuditChainAsync();
        Assert.True(result.Valid, $"broken at {result.FirstBroken}");
    }
}

public sealed class AuditChainOnSqlite(TestDatabases databases) : AuditChainScenarios(databases, Store.Sqlite);

public sealed class AuditChainOnPostgres(TestDatabases databases) : AuditChainScenarios(databases, Store.Postgres);
