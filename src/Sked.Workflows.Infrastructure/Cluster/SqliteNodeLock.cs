using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// SQLite runs one node: its writers queue inside the process and its task feed reaches only that
/// process's screens. So a node locks a file beside the database (<c>sked.db.node-lock</c>) for its
/// lifetime, and a second process opening the same database is refused at start-up with a sentence
/// that says why. The operating system drops the lock with the process, so a crash leaves nothing
/// stale. Apps hosted in one process (the tests) share the lock.
/// </summary>
public sealed class SqliteNodeLock : IHostedService, IDisposable
{
    private static readonly Dictionary<string, (FileStream File, int Users)> Held = new(StringComparer.Ordinal);
    private readonly string? _path;
    private bool _released;

    private SqliteNodeLock(string? path) => _path = path;

    /// <summary>Takes the lock for the database of <paramref name="connectionString"/>, or throws when another process holds it.</summary>
    public static SqliteNodeLock Claim(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (source.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:")
        {
            return new SqliteNodeLock(null);
        }

        var path = Path.GetFullPath(source.DataSource) + ".node-lock";
        lock (Held)
        {
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.File, held.Users + 1);
            }
            else
            {
                Held[path] = (Open(path), 1);
            }
        }

        return new SqliteNodeLock(path);
    }

    private static FileStream Open(string path)
    {
        try
        {
            // FileShare.None is an exclusive lock on the file (flock on Linux), held until the stream closes.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Another process already runs on the SQLite database beside {path}. SQLite is for one node only: stop the other " +
                "process, or run several nodes on PostgreSQL (Database__Provider=Postgres, docs/adr/0005-two-nodes-behind-a-proxy.md).", ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_path is null || _released)
        {
            return;
        }

        _released = true;
        lock (Held)
        {
            var held = Held[_path];
            if (held.Users > 1)
            {
                Held[_path] = (held.File, held.Users - 1);
                return;
            }

            Held.Remove(_path);
            held.File.Dispose();
        }
    }
}
