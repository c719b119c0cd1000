using System.Globalization;
using System.Text.Json;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// Operator commands against the configured database, without serving HTTP:
/// <c>audit verify [--checkpoints earlier-export.csv]</c> prints the verification as JSON and exits 0 when
/// the chain holds (and still contains every checkpoint of the earlier export), 1 when it does not, 2 when
/// it could not be checked; <c>audit checkpoints</c> prints the daily checkpoints as CSV. Any other
/// <c>--Key=value</c> is configuration, as for the app (e.g. <c>--ConnectionStrings:Sked=…</c>).
/// </summary>
public static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "audit";

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.ElementAtOrDefault(1);
        var rest = args.Skip(2).ToList();
        var checkpointsAt = rest.IndexOf("--checkpoints");
        string? checkpointsFile = null;
        if (checkpointsAt >= 0)
        {
            checkpointsFile = rest.ElementAtOrDefault(checkpointsAt + 1);
            rest.RemoveRange(checkpointsAt, Math.Min(2, rest.Count - checkpointsAt));
        }

        if (verb is not ("verify" or "checkpoints") || (checkpointsAt >= 0 && checkpointsFile is null))
        {
            await Console.Error.WriteLineAsync("usage: audit verify [--checkpoints <earlier checkpoints.csv>] | audit checkpoints   [--Key=value …]");
            return 2;
        }

        // Logs go to standard error, so standard output is only the JSON or CSV.
        await using var app = SkedWebApp.Create([.. rest, "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace"]);
        try
        {
            var verifier = app.Services.GetRequiredService<AuditChainVerifier>();
            if (verb == "checkpoints")
            {
                await ChainCheckpoints.WriteAsync(Console.Out, await verifier.CheckpointsAsync(CancellationToken.None));
                return 0;
            }

            var anchors = checkpointsFile is null ? null : await ReadCheckpointsAsync(checkpointsFile);
            var result = await verifier.VerifyAsync(anchors, CancellationToken.None);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(VerifyChain.Response.From(result), Json));
            return result.Valid ? 0 : 1;
        }
#pragma warning disable CA1031 // An operator command reports any failure as its exit code and message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"audit {verb} could not run: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Reads an earlier export of /audit/checkpoints.csv: its last_seq and hash columns.</summary>
    public static async Task<IReadOnlyDictionary<long, byte[]>> ReadCheckpointsAsync(string file)
    {
        // Whatever came before the header (a BOM, a line `dotnet run` printed) is not part of the export.
        var lines = (await File.ReadAllLinesAsync(file)).Select(l => l.TrimStart('\uFEFF'))
            .SkipWhile(l => !l.StartsWith(ChainCheckpoints.CsvHeader[0] + ",", StringComparison.Ordinal))
            .Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var header = lines.FirstOrDefault()?.Split(',') ?? [];
        var seqColumn = Array.IndexOf(header, "last_seq");
        var hashColumn = Array.IndexOf(header, "hash");
        if (seqColumn < 0 || hashColumn < 0)
        {
            throw new FormatException($"{file} has no last_seq and hash columns; give it an export of /api/v1/audit/checkpoints.csv.");
        }

        return lines.Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => long.Parse(f[seqColumn], CultureInfo.InvariantCulture), f => Convert.FromHexString(f[hashColumn]));
    }
}
