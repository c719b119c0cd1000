using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>
/// One app node as a process of its own (the built Sked.Workflows.Web.dll, as scripts/cluster.sh runs it),
/// on 127.0.0.1 and a free port, so a test can kill it with SIGKILL as a crash would. Its log goes to a file.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(string name, Process process, Uri address, string log)
    {
        Name = name;
        _process = process;
        Address = address;
        Log = log;
    }

    public string Name { get; }
    public Uri Address { get; }
    public string Log { get; }
    public int Pid => _process.Id;

    /// <summary>Starts the node and waits until its /health answers 200.</summary>
    public static async Task<NodeProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string folder)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryFolder.WebProject, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(WebDll());
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Cluster__NodeName"] = name;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = Path.Combine(folder, name + ".log");
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(name, process, new Uri($"http://127.0.0.1:{port}"), log);
        await node.HealthyAsync(TimeSpan.FromSeconds(120));
        return node;
    }

    private static void Write(TextWriter writer, string? line)
    {
        if (line is not null)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The node's output after the test let go of it.
            }
        }
    }

    private async Task HealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} stopped while starting: {await File.ReadAllTextAsync(Log)}");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} not healthy after {timeout}: {await File.ReadAllTextAsync(Log)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: no shutdown, no lease let go, no request finished — as a power cut.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>The Web project's build of the same configuration as these tests (Release or Debug).</summary>
    private static string WebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(RepositoryFolder.WebProject, "bin", configuration, "net10.0", "Sked.Workflows.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is not built; build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
