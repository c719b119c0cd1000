using System.Collections.Frozen;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// Keeps this node's <see cref="CaseIndex"/> up to date, in the background so start-up never waits for it.
/// A missing or foreign index (another database's, or one ahead of the chain after a restore) is rebuilt
/// from the cases. After that it follows the audit chain: every change to a case writes an audit event in
/// the change's own transaction, and the chain's positions come in commit order without gaps, so reading the
/// events past the index's position (after each local commit, and every poll for other nodes' commits)
/// finds every changed case exactly once, however many nodes there are.
/// </summary>
public sealed partial class CaseIndexer(
    CaseIndex index,
    IDbContextFactory<SkedDbContext> dbFactory,
    DatabaseOptions database,
    TaskFeed feed,
    IOptions<CaseIndexOptions> options,
    TimeProvider time,
    ILogger<CaseIndexer> logger) : BackgroundService
{
    /// <summary>
    /// Events that record only a message's delivery (an SMS or e-mail sent, an SMS's state at the operator):
    /// their commits change no case and no task, so the case's document stays as it is. Intake's second
    /// indexing of every case (and the deleted document its merges then carried) came from these (issue 11).
    /// </summary>
    private static readonly FrozenSet<string> DeliveryOnly = FrozenSet.ToFrozenSet(
        [AuditEvents.NameOf<NotificationSent>(), AuditEvents.NameOf<SmsStateChanged>()], StringComparer.Ordinal);

    private readonly Outbox.OutboxNudge _wake = new();
    private long _flushed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var fingerprint = Fingerprint(database);
        CaseIndex.State state;
        try
        {
            state = index.Open();
        }
        catch (LockObtainFailedException ex)
        {
            LogLocked(logger, index.Folder, ex);
            return;
        }

        feed.Changed += OnChanged;
        try
        {
            await StartAsync(state, fingerprint, stoppingToken);
            await FollowAsync(fingerprint, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; what was committed stays, the rest is read again at the next start.
        }
        finally
        {
            feed.Changed -= OnChanged;
        }
    }

    /// <summary>Takes the folder as it is when it is this database's and complete; otherwise rebuilds it, trying again until the database answers.</summary>
    private async Task StartAsync(CaseIndex.State state, string fingerprint, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                if (state.Complete && state.Database == fingerprint && state.Position.IsWithin(await HeadsAsync(stoppingToken)))
                {
                    index.Commit(state.Position, fingerprint, complete: true);
                }
                else
                {
                    await RebuildAsync(fingerprint, stoppingToken);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFollowFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval * 5, time, stoppingToken);
            }
        }
    }

    private void OnChanged(object? sender, TaskChangedEventArgs change) => _wake.Notify();

    /// <summary>Indexes every case, keyset-paged by id; the chain position taken first is where following starts.</summary>
    private async Task RebuildAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var from = ChainPosition.Of(await HeadsAsync(cancellationToken));
        index.Clear();
        var count = 0;
        Guid? after = null;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Cases.AsNoTracking().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            index.Put(await CaseDocuments.LoadAsync(db, ids, cancellationToken));
            count += ids.Count;
            after = ids[^1];
        }

        index.Commit(from, fingerprint, complete: true);
        var elapsed = time.GetElapsedTime(started);
        LogRebuilt(logger, count, elapsed, index.Folder);
    }

    private async Task FollowAsync(string fingerprint, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int read;
                while ((read = await CatchUpAsync(fingerprint, stoppingToken)) >= options.Value.BatchSize)
                {
                    // A full batch: more changes are waiting.
                }

                if (read > 0)
                {
                    // Each catch-up ends in a new searchable segment (flushed, later merged): under a stream of
                    // changes, gather a little before the next one. Machine pacing, so real time even under a
                    // test's fake clock; after a quiet spell the first change is indexed at once.
                    await Task.Delay(options.Value.RefreshInterval, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFollowFailed(logger, ex);
            }

            await _wake.WaitAsync(options.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>
    /// Re-indexes the cases of the next audit events past the index's position, on each lane whose head has moved
    /// past it (<see cref="ChainLanes"/>); returns how many events were read.
    /// </summary>
    public async Task<int> CatchUpAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var position = index.Position;
        var events = new List<ChangeEvent>();
        foreach (var head in await db.ChainHead.AsNoTracking().ToListAsync(cancellationToken))
        {
            var (after, end) = (position[head.Id], ChainLanes.End(head.Id));
            if (head.Seq <= after)
            {
                continue;
            }

            var read = await db.AuditEvents.AsNoTracking().Where(a => a.Seq > after && a.Seq <= end).OrderBy(a => a.Seq)
                .Select(a => new ChangeEvent(a.Seq, a.CaseId, a.Type)).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (read.Count > 0)
            {
                events.AddRange(read);
                position = position.With(head.Id, read[^1].Seq);
            }
        }

        if (events.Count == 0)
        {
            // Idle: what was published becomes durable now.
            index.Flush();
            return 0;
        }

        var changed = events.Where(e => e.CaseId != null && !DeliveryOnly.Contains(e.Type)).Select(e => e.CaseId!.Value).Distinct().ToList();
        if (changed.Count > 0)
        {
            index.Put(await CaseDocuments.LoadAsync(db, changed, cancellationToken));
        }

        index.Publish(position, fingerprint);
        if (time.GetElapsedTime(_flushed) >= options.Value.FlushInterval)
        {
            index.Flush();
            _flushed = time.GetTimestamp();
        }

        return events.Count;
    }

    private async Task<List<AuditChainHead>> HeadsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChainHead.AsNoTracking().ToListAsync(cancellationToken);
    }

    private sealed record ChangeEvent(long Seq, Guid? CaseId, string Type);

    /// <summary>Which database an index was built from (server and database, never a password), so a folder is never read against another.</summary>
    public static string Fingerprint(DatabaseOptions database)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        var identity = string.Join('|', database.Provider,
            Read(parts, "Host"), Read(parts, "Port"), Read(parts, "Database"), Read(parts, "Data Source"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static string? Read(DbConnectionStringBuilder parts, string key) => parts.TryGetValue(key, out var value) ? value?.ToString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The case index folder {Folder} is in use by another process; searches use the database")]
    private static partial void LogLocked(ILogger logger, string folder, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case index rebuilt: {Count} cases in {Elapsed} ({Folder})")]
    private static partial void LogRebuilt(ILogger logger, int count, TimeSpan elapsed, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building or following the case index failed; it will try again")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception);
}
