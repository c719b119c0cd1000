using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Audit;

/// <summary>
/// An inspector given the key checks the exports with the Python verifier in docs/ and no database
/// (issue 16, defect 7): an untouched evidence pack and events export pass; a changed field, a time
/// moved by one microsecond, or another key fail.
/// </summary>
public sealed class ExportVerifierTests(TestDatabases databases)
{
    private static readonly string Key = Convert.ToBase64String(AuditOptions.DevelopmentKey);

    [Fact]
    public async Task UntouchedExports_Pass_AndEveryTamperingFails()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await app.OutboxDrainedAsync();
        var auditor = await app.LoginAsync("auditor");
        var folder = databases.NewFolder();
        var pack = Path.Combine(folder, "evidence.zip");
        var events = Path.Combine(folder, "events.csv");
        await File.WriteAllBytesAsync(pack, await auditor.GetByteArrayAsync($"/api/v1/cases/{code}/evidence.zip"));
        await File.WriteAllBytesAsync(events, await auditor.GetByteArrayAsync("/api/v1/audit/events.csv"));

        Assert.Equal(0, await VerifyAsync(pack, Key));
        Assert.Equal(0, await VerifyAsync(events, Key));
        Assert.Equal(1, await VerifyAsync(pack, Convert.ToBase64String(new byte[32])));

        var changedData = Path.Combine(folder, "changed-data.zip");
        File.Copy(pack, changedData);
        await EditEventsAsync(changedData, first => first["dataText"] = first["dataText"]!.GetValue<string>().Replace("}", ",\"x\":1}", StringComparison.Ordinal));
        Assert.Equal(1, await VerifyAsync(changedData, Key));

        var movedTime = Path.Combine(folder, "moved-time.zip");
        File.Copy(pack, movedTime);
        await EditEventsAsync(movedTime, first => first["atMicroseconds"] = first["atMicroseconds"]!.GetValue<long>() + 1);
        Assert.Equal(1, await VerifyAsync(movedTime, Key));

        var lines = await File.ReadAllLinesAsync(events);
        lines[2] = lines[2].Replace("complaint", "request", StringComparison.Ordinal);
        var changedCsv = Path.Combine(folder, "changed.csv");
        await File.WriteAllLinesAsync(changedCsv, lines);
        Assert.Equal(1, await VerifyAsync(changedCsv, Key));
    }

    private static async Task EditEventsAsync(string pack, Action<JsonObject> edit)
    {
        using var zip = ZipFile.Open(pack, ZipArchiveMode.Update);
        var entry = zip.GetEntry("events.json")!;
        JsonArray events;
        await using (var read = entry.Open())
        {
            events = (await JsonNode.ParseAsync(read))!.AsArray();
        }

        edit(events[0]!.AsObject());
        entry.Delete();
        await using var write = zip.CreateEntry("events.json").Open();
        await using var writer = new StreamWriter(write);
        await writer.WriteAsync(events.ToJsonString());
    }

    private static async Task<int> VerifyAsync(string export, string key)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(RepositoryFolder.Root, "docs", "verify-audit.py"), "--key", key, export })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        TestContext.Current.SendDiagnosticMessage($"{Path.GetFileName(export)}: {output} {error}");
        return process.ExitCode;
    }
}
