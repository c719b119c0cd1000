using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Runs units of work (a submission, a task completion, a timer firing) so that, under load, several
/// share one transaction and one durable commit (docs/adr/0004). Units queue first come first served;
/// a writer takes all that are waiting (up to <see cref="MaxBatch"/>), runs them one after the other,
/// each starting from an empty change tracker, over one connection and transaction, and commits once; only then does each unit's caller get its
/// answer. If any unit throws, the batch is rolled back and each of its units runs again alone, so a
/// bad unit costs the others a retry, never their changes. Alone, a unit that lost an optimistic
/// concurrency race or drew a colliding key is re-run from the start on fresh rows.
/// SQLite gets one writer (it has one write lock anyway); PostgreSQL a few.
/// </summary>
public sealed partial class GroupCommitter : IAsyncDisposable
{
    public const int MaxBatch = 32;

    private readonly PreparedContexts _contexts;
    private readonly Audit.AuditChainSealer _sealer;
    private readonly SqliteStatementCache? _statements;
    private readonly TimeProvider _time;
    private readonly int _retries;
    private readonly ILogger<GroupCommitter> _logger;
    private readonly Channel<PendingUnit> _queue = Channel.CreateUnbounded<PendingUnit>(new UnboundedChannelOptions { SingleReader = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;

    // One delegate for every commit, not one per unit.
    private readonly Action<Exception> _afterCommitFailed;

    /// <summary>The statement cache is registered on SQLite only; on PostgreSQL it stays null.</summary>
    public GroupCommitter(PreparedContexts contexts, Audit.AuditChainSealer sealer, DatabaseOptions database, TimeProvider time,
        Microsoft.Extensions.Options.IOptions<Workflows.EngineOptions> options, ILogger<GroupCommitter> logger, SqliteStatementCache? statements = null)
    {
        _contexts = contexts;
        _sealer = sealer;
        _statements = statements;
        _time = time;
        _retries = Math.Max(1, options.Value.ConflictRetries);
        _logger = logger;
        _afterCommitFailed = exception => LogAfterCommitFailed(logger, exception);
        var writers = database.IsPostgres ? Math.Max(1, options.Value.PostgresWriters) : 1;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    private long _commits;
    private long _committedUnits;

    /// <summary>Transactions this committer has committed (the benchmarks report units per commit).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Units whose changes those commits carried.</summary>
    public long CommittedUnits => Interlocked.Read(ref _committedUnits);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and answers once its changes are committed (or it
    /// refused). <paramref name="onConflict"/> answers when every attempt lost a concurrency race.
    /// </summary>
    public Task<T> RunAsync<T>(Func<UnitScope, Task<T>> work, Func<T> onConflict, CancellationToken cancellationToken)
    {
        var unit = new PendingUnit<T>(work, onConflict, cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(unit), this);

        return unit.Answer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingUnit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
            {
                if (unit.Token.IsCancellationRequested)
                {
                    unit.Cancel();
                    continue;
                }

                batch.Add(unit);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await (batch.Count == 1 ? RunAloneAsync(batch[0]) : RunBatchAsync(batch));
            }
            catch (Exception ex)
            {
                // A unit's own failure reaches its caller; this is the writer's, and it keeps writing.
                LogWriterFailed(_logger, ex);
            }
        }
    }

    private async Task RunBatchAsync(List<PendingUnit> batch)
    {
        var kept = new List<(PendingUnit Unit, UnitScope Scope)>(batch.Count);
        var refused = new List<PendingUnit>();
        try
        {
            await using var lease = await _contexts.RentAsync(_stopping.Token);
            var owner = lease.Context;
            await using var transaction = await owner.Database.BeginTransactionAsync(_stopping.Token);
            try
            {
                var now = _time.GetUtcNow();
                // One context for the batch's units, one after the other (see RunInBatchAsync).
                await using var db = await SharedConnection.OpenAsync(owner, owner.Database.GetDbConnection(), transaction.GetDbTransaction(), _stopping.Token);
                foreach (var unit in batch)
                {
                    var scope = await RunInBatchAsync(db, unit, new UnitScope(db, now, _sealer, _statements));
                    if (scope.Kept)
                    {
                        kept.Add((unit, scope));
                    }
                    else
                    {
                        refused.Add(unit);
                    }
                }

                await transaction.CommitAsync(_stopping.Token);
                Counted(kept.Count);
            }
            catch
            {
                await RollBackAsync(transaction);
                throw;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // The batch's transaction is gone: every unit it held is run again below, each alone.
            LogBatchFailed(_logger, batch.Count, ex);
            kept.Clear();
            refused.Clear();
        }

        foreach (var (unit, scope) in kept)
        {
            unit.Commit(scope, _afterCommitFailed);
        }

        // A refusal is answered only now: it may have read what an earlier unit of the batch wrote.
        foreach (var unit in refused)
        {
            unit.Refused();
        }

        foreach (var unit in batch.Where(u => !u.Finished))
        {
            await RunAloneAsync(unit);
        }
    }

    /// <summary>
    /// Runs one unit over the batch's connection and transaction, on the batch's unit context with its
    /// change tracker emptied first: each unit starts from nothing tracked, as on a context of its own,
    /// and what a refusing unit left tracked unsaved is dropped. One context serves the whole batch
    /// because building one per unit cost 3–5 % of intake's CPU (issue 11); a unit that throws ends the
    /// batch, and its units then run alone on fresh contexts. No savepoint: a unit that throws (a lost
    /// race, a taken key) fails the whole batch — rare, and it spares every unit two statements. A unit
    /// that refused wrote nothing (it saves only to keep its changes).
    /// </summary>
    private static async Task<UnitScope> RunInBatchAsync(SkedDbContext db, PendingUnit unit, UnitScope scope)
    {
        db.ChangeTracker.Clear();
        await unit.RunAsync(scope);
        return scope;
    }

    private async Task RunAloneAsync(PendingUnit unit)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var lease = await _contexts.RentAsync(unit.Token);
                var db = lease.Context;
                await using var transaction = await db.Database.BeginTransactionAsync(unit.Token);
                var scope = new UnitScope(db, _time.GetUtcNow(), _sealer, _statements);
                var committed = false;
                try
                {
                    await unit.RunAsync(scope);
                    if (scope.Kept)
                    {
                        await transaction.CommitAsync(unit.Token);
                        committed = true;
                    }
                }
                finally
                {
                    if (!committed)
                    {
                        await RollBackAsync(transaction);
                    }
                }

                if (scope.Kept)
                {
                    Counted(1);
                    unit.Commit(scope, _afterCommitFailed);
                }
                else
                {
                    unit.Refused();
                }

                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt >= _retries)
            {
                unit.Conflict();
                return;
            }
            catch (DbUpdateException ex) when (attempt < _retries)
            {
                // Another transaction moved the rows first (a stale version, a unique key taken): run
                // the unit again from the start on what it then finds.
                LogRetry(_logger, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), _time, CancellationToken.None);
            }
            catch (Exception ex)
            {
                unit.Fail(ex);
                return;
            }
        }
    }

    /// <summary>
    /// Ends a transaction that will not commit, explicitly: a transaction merely disposed raises no
    /// event, and the SQLite writer gate (and the audit sealer's held events) are released on its end.
    /// </summary>
    private static async Task RollBackAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            // Already ended (committed, rolled back, or the connection is gone): nothing to undo.
        }
    }

    private void Counted(int units)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedUnits, units);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    /// <summary>A queued unit and the caller waiting for it.</summary>
    private abstract class PendingUnit(CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public bool Finished { get; protected set; }

        public abstract Task RunAsync(UnitScope scope);

        public abstract void Commit(UnitScope scope, Action<Exception> afterCommitFailed);

        public abstract void Refused();

        public abstract void Conflict();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class PendingUnit<T>(Func<UnitScope, Task<T>> work, Func<T> onConflict, CancellationToken token) : PendingUnit(token)
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Answer => _answer.Task;

        public override async Task RunAsync(UnitScope scope) => _result = await work(scope);

        public override void Commit(UnitScope scope, Action<Exception> afterCommitFailed)
        {
            Finished = true;
            scope.Committed(afterCommitFailed);
            _answer.TrySetResult(_result!);
        }

        public override void Refused()
        {
            Finished = true;
            _answer.TrySetResult(_result!);
        }

        public override void Conflict()
        {
            Finished = true;
            _answer.TrySetResult(onConflict());
        }

        public override void Fail(Exception exception)
        {
            Finished = true;
            _answer.TrySetException(exception);
        }

        public override void Cancel()
        {
            Finished = true;
            _answer.TrySetCanceled(Token);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A unit of work lost a race or drew a taken key on attempt {Attempt}; running it again")]
    private static partial void LogRetry(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A group commit of {Count} units failed; each runs again alone")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "What a committed unit does after its commit failed; the unit's changes are committed")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The group committer's writer failed; it goes on with the next units")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);
}
