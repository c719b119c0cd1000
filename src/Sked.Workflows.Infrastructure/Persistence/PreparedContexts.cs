using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// Contexts for the hot paths — the public tracking lookup and the group committer's transactions —
/// whose statements stay prepared, each lent with its connection open. On SQLite each context here
/// keeps its own connection open so that <see cref="SqliteStatementCache"/> can keep its statements
/// prepared: a context and connection reused by one caller at a time, up to a few per core; WAL lets
/// the readers read beside the writer. On PostgreSQL these are the pooled contexts on Npgsql's pooled
/// connections, which prepare repeated statements themselves (<c>Max Auto Prepare</c>) and skip the
/// pool's reset (<c>No Reset On Close</c>, see InfrastructureRegistration); Npgsql's pool also checks
/// an idle connection before lending it, so a restarted server costs no failed request.
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
            var pooled = await _factory.CreateDbContextAsync(cancellationToken);
            // Opened for the lease (a plain command needs it open) and closed when the lease ends.
            await pooled.Database.OpenConnectionAsync(cancellationToken);
            return new Lease(this, pooled, kept: false);
        }

        return new Lease(this, _idle.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken), kept: true);
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

    private void Return(SkedDbContext context)
    {
        // A connection that closed (after an error) lost its prepared statements, and one still in a
        // transaction was left by a failure: neither is kept.
        if (_idle.Count >= _keep || context.Database.CurrentTransaction is not null
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
    public sealed class Lease(PreparedContexts owner, SkedDbContext context, bool kept) : IAsyncDisposable
    {
        public SkedDbContext Context { get; } = context;

        /// <summary>A plain command on this context's open connection (<see cref="PlainCommand.On"/>); dispose it before giving the lease back.</summary>
        public PlainCommand PreparedCommand(string sql) => PlainCommand.On(Context.Database.GetDbConnection(), null, sql, owner._statements);

        public async ValueTask DisposeAsync()
        {
            if (kept)
            {
                owner.Return(Context);
                return;
            }

            await Context.Database.CloseConnectionAsync();
            await Context.DisposeAsync();
        }
    }
}
