using System.Diagnostics;
using System.Globalization;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// A small tmpfs mounted for one test (root only), which <see cref="Fill"/> fills to the last byte and
/// <see cref="Free"/> empties again: the disk under a SQLite file running full and getting space back.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    private string Filler => Path.Combine(Folder, "filler");

    /// <summary>Mounts it, or says why it cannot (not root, or no right to mount here).</summary>
    public static async Task<(SmallDisk? Disk, string Why)> MountAsync(string folder, int megabytes)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return (null, "mounting a tmpfs needs root");
        }

        Directory.CreateDirectory(folder);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={megabytes}m"), "tmpfs", folder);
        return code == 0 ? (new SmallDisk(folder), "") : (null, $"mount failed: {output}");
    }

    /// <summary>Writes a file until the disk says no more space; returns how many bytes it took.</summary>
    public long Fill()
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)1);
        using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
            return filler.Length;
        }
    }

    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Lazy: a file a finished app still holds open must not leave the mount behind.
        await RunAsync("umount", "-l", Folder);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }
}
