using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Contexts for the hot paths — the public tracking lookup and the group committer's transactions —
/// whose statements stay prepared. On PostgreSQL these are the pooled contexts (Npgsql prepares
/// repeated statements on each of its connections itself, <c>Max Auto Prepare</c>). On SQLite each
/// context here keeps its own connection open so that <see cref="SqliteStatementCache"/> can keep its
/// statements prepared: a context and connection reused by one caller at a time, up to a few per
/// core; WAL lets the readers read beside the writer.
/// </summary>
public sealed class PreparedContexts : IDisposable
{
    private readonly IDbContextFactory<SkedDbContext> _factory;
    private readonly SqliteStatementCache? _statements;
    private readonly SqliteWriterGate? _gate;
    private readonly ConcurrentBag<SkedDbContext> _idle = [];
    private readonly int _keep = Environment.ProcessorCount * 4;

    /// <summary>The statement cache and writer gate are registered on SQLite only; on PostgreSQL they stay null.</summary>
    public PreparedContexts(IDbContextFactory<SkedDbContext> factory, SqliteStatementCache? statements = null, SqliteWriterGate? gate = null)
    {
        _factory = factory;
        _statements = statements;
        _gate = gate;
    }

    /// <summary>A context to use alone; dispose the lease to give it back (its tracked entities are forgotten).</summary>
    public async ValueTask<Lease> RentAsync(CancellationToken cancellationToken)
    {
        if (_statements is null)
        {
            return new Lease(this, await _factory.CreateDbContextAsync(cancellationToken), pooled: false);
        }

        return new Lease(this, _idle.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken), pooled: true);
    }

    private async Task<SkedDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        // The pooled factory's options (interceptors included) for a context that is not pooled: this one owns its connection.
        DbContextOptions options;
        Type type;
        string connectionString;
        await using (var template = await _factory.CreateDbContextAsync(cancellationToken))
        {
            options = (DbContextOptions)template.GetService<IDbContextOptions>();
            type = template.GetType();
            connectionString = template.Database.GetConnectionString()!;
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        _statements!.Enable(connection);
        var context = (SkedDbContext)Activator.CreateInstance(type, options)!;
        context.Database.SetDbConnection(connection, contextOwnsConnection: true);
        return context;
    }

    private void Return(SkedDbContext context, bool pooled)
    {
        // A connection that closed (after an error) lost its prepared statements, and one still in a
        // transaction was left by a failure: neither is kept.
        if (!pooled || _idle.Count >= _keep || context.Database.CurrentTransaction is not null
            || context.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            context.Dispose();
            return;
        }

        _gate?.Returned(context.Database.GetDbConnection());
        context.ChangeTracker.Clear();
        _idle.Add(context);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var context))
        {
            context.Dispose();
        }
    }

    /// <summary>A rented context; disposing it gives the context back.</summary>
    public sealed class Lease(PreparedContexts owner, SkedDbContext context, bool pooled) : IAsyncDisposable
    {
        public SkedDbContext Context { get; } = context;

        /// <summary>
        /// On SQLite, a plain command kept prepared on this context's kept-open connection, for the few hot
        /// reads where EF's own work per query (building its shaper's delegates each time) costs more than
        /// the query; null on PostgreSQL, where EF's commands are prepared by Npgsql already.
        /// </summary>
        public PlainCommand? PreparedCommand(string sql) =>
            owner._statements?.Command(Context.Database.GetDbConnection(), sql) is { } prepared ? new PlainCommand(prepared) : null;

        public async ValueTask DisposeAsync()
        {
            if (pooled)
            {
                owner.Return(Context, pooled);
                return;
            }

            await Context.DisposeAsync();
        }
    }
}
