using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sked.Workflows.Testing;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb into a temp folder, pg_ctl on 127.0.0.1
/// and a free port, one fresh database per test, everything removed at the end. Runs the server as
/// the 'postgres' user when the tests run as root (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private int _databases;

    private PostgresServer(string bin, string folder, int port, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <param name="durable">Keep fsync and synchronous commit on (benchmarks that count durable commits); tests run without them.</param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), "sked-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asPostgresUser = Environment.UserName == "root";
        var server = new PostgresServer(bin, folder, FreePort(), asPostgresUser);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        await server.PgAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await server.PgAsync("pg_ctl", ["-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {server.Port} -h 127.0.0.1 -k {folder}{(durable ? "" : " -c fsync=off -c synchronous_commit=off")} {ServerSettings}", "start"]);
        return server;
    }

    // A test run holds many apps' pools at once on one server: room for them all.
    private const string ServerSettings = "-c max_connections=1000";

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Stops the server as an outage would (connections cut at once); <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"]);

    public Task StartAgainAsync() => PgAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -h 127.0.0.1 -k {_folder} -c fsync=off -c synchronous_commit=off {ServerSettings}", "start"]);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"sked_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;"
        // A finished test's app leaves its pool behind (pools are per connection string, for the
        // whole process): idle connections close within seconds, so finished tests free their slots.
        + "Connection Idle Lifetime=5;Connection Pruning Interval=1";

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A test that stopped the server (an outage) may end before starting it again.
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await PgAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task PgAsync(string tool, string[] arguments) =>
        _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static string FindBinaries()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install them with 'apt-get install -y postgresql' (the test script does this).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
