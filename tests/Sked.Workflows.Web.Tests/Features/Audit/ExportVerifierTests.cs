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

    /// <summary>
    /// The goal: 1,000 random tamperings of an events export — a field of the canonical bytes
    /// changed, a hash or previous hash changed, two events' places swapped — each caught by the
    /// verifier from the export alone. The tampering is drawn in Python (its csv module reads the
    /// export as an inspector's tools would) and checked in the same process, 1,000 files in seconds.
    /// </summary>
    [Fact]
    public async Task AThousandRandomTamperings_OfAnEventsExport_AreEachDetected()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        for (var i = 0; i < 5; i++)
        {
            await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        }

        await app.OutboxDrainedAsync();
        var events = Path.Combine(databases.NewFolder(), "events.csv");
        await File.WriteAllBytesAsync(events, await (await app.LoginAsync("auditor")).GetByteArrayAsync("/api/v1/audit/events.csv"));
        Assert.Equal(0, await VerifyAsync(events, Key));

        var (exit, output) = await PythonAsync(TamperAndVerify, Path.Combine(RepositoryFolder.Root, "docs", "verify-audit.py"), Key, events, "1000", "1404");

        Assert.True(exit == 0, output);
        Assert.StartsWith("1000 tampered, 0 undetected", output, StringComparison.Ordinal);
    }

    private const string TamperAndVerify = """
        import base64, csv, importlib.util, io, random, sys, uuid
        spec = importlib.util.spec_from_file_location("verify", sys.argv[1])
        verify = importlib.util.module_from_spec(spec); spec.loader.exec_module(verify)
        key, path, count, rng = base64.b64decode(sys.argv[2]), sys.argv[3], int(sys.argv[4]), random.Random(int(sys.argv[5]))
        with open(path, encoding="utf-8-sig", newline="") as f:
            header, *rows = list(csv.reader(f))
        fields = ["seq", "at_microseconds", "type", "actor", "case_id", "tracking_code", "instance_id",
                  "definition_id", "definition_version", "data", "client_address", "hash", "previous_hash"]
        def changed(name, value):
            if name in ("seq", "at_microseconds", "definition_version"):
                return str(int(value or 0) + rng.choice([-1, 1, 7, 1000000]))
            if name in ("case_id", "instance_id"):
                return str(uuid.UUID(int=rng.getrandbits(128)))
            if name in ("hash", "previous_hash"):
                return "".join(rng.choice("0123456789abcdef") for _ in range(64))
            if not value:
                return rng.choice(["x", "۱", "0"])
            i = rng.randrange(len(value))
            return value[:i] + rng.choice([c for c in "aZ۰ی,\"{}1 " if c != value[i]]) + value[i + 1:]
        def check(rows, copy):
            out = io.StringIO(); csv.writer(out).writerows([header] + rows)
            with open(copy, "w", encoding="utf-8", newline="") as f:
                f.write(out.getvalue())
            try:
                return verify.verify(verify.from_csv(copy)[0], key)
            except (ValueError, KeyError):
                return ["unreadable"]
        # Written back untouched the same way, the export must still pass: else every tampering "fails" for nothing.
        if check(rows, path + ".untouched.csv"):
            sys.exit("the untouched export, written back, does not pass")
        undetected = []
        for n in range(count):
            tampered = [list(r) for r in rows]
            if rng.random() < 0.1 and len(tampered) > 1:
                a, b = rng.sample(range(len(tampered)), 2)
                s = header.index("seq")
                tampered[a][s], tampered[b][s] = tampered[b][s], tampered[a][s]
            else:
                row, name = rng.choice(tampered), rng.choice(fields)
                column = header.index(name)
                row[column] = changed(name, row[column])
            problems = check(tampered, f"{path}.{n}.csv")
            if not problems:
                undetected.append(n)
        print(f"{count} tampered, {len(undetected)} undetected {undetected[:10]}")
        """;

    private static async Task<(int Exit, string Output)> PythonAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
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
