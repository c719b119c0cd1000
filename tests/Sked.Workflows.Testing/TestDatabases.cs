using Xunit;

namespace Sked.Workflows.Testing;

/// <summary>The two stores every persistence test runs on.</summary>
public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database on one store.</summary>
public sealed record DatabaseTarget(Store Store, string ConnectionString)
{
    public string Provider => Store == Store.Postgres ? "Postgres" : "Sqlite";
}

/// <summary>
/// Hands out empty databases: a new SQLite file, or a new database on the run's one PostgreSQL
/// server (started on first use, removed when the run ends). Used as an assembly fixture.
/// </summary>
public sealed class TestDatabases : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sked-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private PostgresServer? _postgres;

    /// <summary>PostgreSQL with fsync and synchronous commit on, for benchmarks that count durable commits (xunit wants one constructor).</summary>
    public bool Durable { get; init; }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public async Task<DatabaseTarget> CreateAsync(Store store)
    {
        if (store == Store.Sqlite)
        {
            return new DatabaseTarget(store, $"Data Source={Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db")}");
        }

        return new DatabaseTarget(store, await (await PostgresAsync()).CreateDatabaseAsync());
    }

    /// <summary>A database name on the run's server (or a SQLite path) that nothing has created yet.</summary>
    public async Task<DatabaseTarget> NotYetCreatedAsync(Store store)
    {
        if (store == Store.Sqlite)
        {
            return await CreateAsync(store);
        }

        var postgres = await PostgresAsync();
        return new DatabaseTarget(store, postgres.ConnectionString("fresh_" + Guid.NewGuid().ToString("N")[..12]));
    }

    /// <summary>A folder for this run's files (workflow copies, logs); removed at the end.</summary>
    public string NewFolder()
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task<PostgresServer> PostgresAsync()
    {
        await _starting.WaitAsync();
        try
        {
            return _postgres ??= await PostgresServer.StartAsync(Durable);
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _starting.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is removed with the temp folder later.
        }
    }
}
