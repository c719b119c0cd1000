using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// SQLite runs one node: its writers queue inside the process and its task feed reaches only that
/// process's screens. So a node locks a file beside the database (<c>sked.db.node-lock</c>) for its
/// lifetime, and a second process serving the same database is refused at start-up with a sentence
/// that says why. The operating system drops the lock with the process, so a crash leaves nothing
/// stale. Apps hosted in one process (the tests) share the lock; the command line (`audit verify`)
/// does not serve and takes none.
/// </summary>
public sealed partial class SqliteNodeLock(string connectionString, ILogger<SqliteNodeLock> logger) : IHostedService, IDisposable
{
    private static readonly Dictionary<string, (FileStream File, int Users)> Held = new(StringComparer.Ordinal);
    private string? _path;

    /// <summary>Takes the lock for the database, or throws when another process holds it.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (source.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(source.DataSource) && source.DataSource != ":memory:")
        {
            Claim(Path.GetFullPath(source.DataSource) + ".node-lock");
            LogSingleNode(logger, source.DataSource);
        }

        return Task.CompletedTask;
    }

    private void Claim(string path)
    {
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

        _path = path;
    }

    private FileStream Open(string path)
    {
        try
        {
            // FileShare.None is an exclusive lock on the file (flock on Linux), held until the stream closes.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            LogRefused(logger, path);
            throw new InvalidOperationException(
                $"Another process already runs on the SQLite database beside {path}. SQLite is for one node only: stop the other " +
                "process, or run several nodes on PostgreSQL (Database__Provider=Postgres, docs/adr/0005-two-nodes-behind-a-proxy.md).", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_path is not { } path)
        {
            return;
        }

        _path = null;
        lock (Held)
        {
            var held = Held[path];
            if (held.Users > 1)
            {
                Held[path] = (held.File, held.Users - 1);
                return;
            }

            Held.Remove(path);
            held.File.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite database {Database}: this node is the only one (a second process is refused); several nodes need PostgreSQL")]
    private static partial void LogSingleNode(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: another process already runs on this SQLite database ({LockFile}); SQLite is for one node only")]
    private static partial void LogRefused(ILogger logger, string lockFile);
}
