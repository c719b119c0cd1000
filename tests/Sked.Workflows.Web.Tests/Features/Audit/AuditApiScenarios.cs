using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Audit;

/// <summary>What auditors read — the chain's verification, checkpoints, event search, evidence packs — on each store.</summary>
public abstract class AuditApiScenarios(TestDatabases databases, Store store)
{
    [Fact]
    public async Task Complaint_EveryStateChangeHasItsEvent_InTimeOrder()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await new CaseDriver(app).DriveAsync(code);

        await app.OutboxDrainedAsync();
        var all = await CaseApi.HistoryAsync(await app.LoginAsync("auditor"), code);
        // In time, then chain order: the case's transactions may be sealed on different lanes (docs/adr/0007).
        var order = all.Select(Place).ToList();
        Assert.Equal(order.OrderBy(o => o.At).ThenBy(o => o.Seq), order);
        Assert.Contains(all, e => Type(e) == "notification.sent");
        // Deliveries are recorded when the operator takes them, after the change that queued them.
        var history = all.Where(e => Type(e) != "notification.sent").ToList();
        Assert.Equal("instance.started", Type(history[0]));
        Assert.Equal("instance.completed", Type(history[^1]));

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var @case = await db.Cases.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.TrackingCode == code);
        // Each status the citizen saw was recorded with what it replaced, in the same order.
        var statusChanges = history.Where(e => Type(e) == "case.status-changed").Select(e => e["data"]!).ToList();
        Assert.Equal(@case.Timeline.OrderBy(t => t.Id).Select(t => t.Status), statusChanges.Select(d => d["after"]!.GetValue<string>()));
        Assert.Equal(["", .. statusChanges.SkipLast(1).Select(d => d["after"]!.GetValue<string>())], statusChanges.Select(d => d["before"]!.GetValue<string>()));
        // Each task was opened before it was completed; each timer was scheduled, and cancelled when it was.
        foreach (var task in await db.Tasks.AsNoTracking().Where(t => t.CaseId == @case.Id).ToListAsync())
        {
            Assert.True(SeqOf(history, "task.opened", "task", task.Id) < SeqOf(history, "task.completed", "task", task.Id), task.NodeId);
        }

        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == @case.Id);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToListAsync();
        Assert.NotEmpty(timers);
        foreach (var timer in timers)
        {
            var scheduled = SeqOf(history, "timer.scheduled", "timer", timer.Id);
            Assert.True(timer.Status != TimerStatus.Cancelled || scheduled < SeqOf(history, "timer.cancelled", "timer", timer.Id));
        }

        var chain = await app.VerifyAuditChainAsync();
        Assert.True(chain.Valid, $"broken at {chain.FirstBroken}");
    }

    [Fact]
    public async Task Verify_IsForAuditors_AndReportsTheWholeChain()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAsync("edesk")).GetAsync("/api/v1/audit/verify")).StatusCode);
        var result = (await (await app.LoginAsync("auditor")).GetFromJsonAsync<JsonObject>("/api/v1/audit/verify"))!;

        Assert.True(result["valid"]!.GetValue<bool>());
        Assert.Null(result["firstBroken"]);
        // A head per lane (docs/adr/0007): one on SQLite, Audit:Lanes (3 by default) on PostgreSQL; the events are theirs together.
        var heads = result["heads"]!.AsArray();
        Assert.Equal(store == Store.Postgres ? 3 : 1, heads.Count);
        Assert.Equal(heads.Sum(h => h!["seq"]!.GetValue<long>() - ChainLanes.Start(h["lane"]!.GetValue<int>())), result["events"]!.GetValue<long>());
        Assert.Equal(result["events"]!.GetValue<long>(), heads.Sum(h => h!["events"]!.GetValue<long>()));
        Assert.All(heads, h => Assert.Matches("^[0-9a-f]{64}$", h!["hash"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StaffLogins_AreRecorded_WithTheirClientAddress_AndFailuresWithTheirReason()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var wrong = await app.Anonymous().PostAsJsonAsync("/login", new { email = "edesk", password = "not-the-password" });
        var unknown = await app.Anonymous().PostAsJsonAsync("/login", new { email = "Sked-Demo-1404", password = "edesk" });
        var auditor = await app.LoginAsync("auditor");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var logins = (await auditor.GetFromJsonAsync<JsonObject>("/api/v1/audit/events?type=staff.login"))!["items"]!.AsArray();
        var login = Assert.Single(logins)!;
        Assert.Equal(("auditor", "127.0.0.1"), (login["actor"]!.GetValue<string>(), login["clientAddress"]!.GetValue<string>()));
        var failures = (await auditor.GetFromJsonAsync<JsonObject>("/api/v1/audit/events?type=staff.login-failed"))!["items"]!.AsArray()
            .Select(f => (f!["actor"]!.GetValue<string>(), f["data"]!["reason"]!.GetValue<string>(), f["clientAddress"]!.GetValue<string>())).ToList();
        Assert.Equal([("edesk", "wrong-password", "127.0.0.1"), ("unknown", "unknown-user", "127.0.0.1")], failures);
        Assert.DoesNotContain("Sked-Demo-1404", await auditor.GetStringAsync("/api/v1/audit/events.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventSearch_FiltersByActorTypeDepartmentCaseTypeAndJalaliDays_PagesAndExportsCsv()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var codes = new List<string>();
        var edesk = await app.LoginAsync("edesk");
        foreach (var department in new[] { "billing", "billing", "metering" })
        {
            var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
            var task = (await CaseApi.TaskForAsync(edesk, code))!;
            Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.CompleteAsync(edesk, task["id"]!.GetValue<string>(), "route", new { department })).StatusCode);
            codes.Add(code);
        }

        var auditor = await app.LoginAsync("auditor");
        var today = JalaliDate.Format(TimeProvider.System.GetUtcNow(), withTime: false);
        var yesterday = PersianText.ToAsciiDigits(JalaliDate.Format(TimeProvider.System.GetUtcNow().AddDays(-1), withTime: false));
        async Task<JsonObject> SearchAsync(string query) => (await auditor.GetFromJsonAsync<JsonObject>("/api/v1/audit/events?" + query))!;

        var billing = await SearchAsync("actor=edesk&type=task.completed&department=billing");
        Assert.Equal(2, billing["total"]!.GetValue<int>());
        Assert.All(billing["items"]!.AsArray(), e => Assert.Contains(e!["trackingCode"]!.GetValue<string>(), codes.Take(2)));
        Assert.Equal(3, (await SearchAsync("type=instance.started&caseType=complaint&from=" + Uri.EscapeDataString(today) + "&to=" + Uri.EscapeDataString(today)))["total"]!.GetValue<int>());
        Assert.Equal(0, (await SearchAsync("type=instance.started&to=" + yesterday))["total"]!.GetValue<int>());
        Assert.Equal(0, (await SearchAsync("caseType=request"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/audit/events?from=yesterday")).StatusCode);

        var all = await SearchAsync($"trackingCode={codes[0]}&pageSize=5");
        var total = all["total"]!.GetValue<int>();
        var pages = new List<(DateTimeOffset At, long Seq)>();
        for (var page = 1; page <= (total + 4) / 5; page++)
        {
            pages.AddRange((await SearchAsync($"trackingCode={codes[0]}&pageSize=5&page={page}"))["items"]!.AsArray().Select(e => Place(e!.AsObject())));
        }

        Assert.Equal(total, pages.Distinct().Count());
        Assert.Equal(pages.OrderBy(o => o.At).ThenBy(o => o.Seq), pages);
        var csv = await auditor.GetAsync($"/api/v1/audit/events.csv?trackingCode={codes[0]}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("seq,id,at_utc,at_jalali,type,actor", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(total, lines.Length - 1);
    }

    [Fact]
    public async Task Checkpoints_ListTodaysHead_AsJsonAndAsCsv()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var auditor = await app.LoginAsync("auditor");
        var heads = (await auditor.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify"))!["heads"]!.AsArray()
            .Where(h => h!["events"]!.GetValue<long>() > 0).ToList();
        Assert.NotEmpty(heads);

        var checkpoints = (await auditor.GetFromJsonAsync<JsonArray>("/api/v1/audit/checkpoints"))!;
        var csv = await auditor.GetStringAsync("/api/v1/audit/checkpoints.csv");

        // Today's running head of every lane that has sealed: at or past where verification found it.
        foreach (var head in heads)
        {
            var today = checkpoints.Single(c => !c!["closed"]!.GetValue<bool>() && c["lane"]!.GetValue<int>() == head!["lane"]!.GetValue<int>())!;
            Assert.Equal(JalaliDate.Format(TimeProvider.System.GetUtcNow(), withTime: false), today["jalaliDate"]!.GetValue<string>());
            Assert.True(today["lastSeq"]!.GetValue<long>() >= head!["seq"]!.GetValue<long>());
            Assert.Contains($",{today["lastSeq"]},", await auditor.GetStringAsync("/api/v1/audit/checkpoints.csv"), StringComparison.Ordinal);
        }

        Assert.StartsWith("date,jalali_date,last_seq,last_event_at_utc,hash,closed,lane", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvidencePack_HoldsTimelineAnswersAttachmentsEventsAndAProofThatHolds_WithoutTheCitizensContact()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        await new CaseDriver(app).DriveAsync(code);
        // The pack and the history are read a moment apart: no notification may still be adding to them.
        await app.OutboxDrainedAsync();
        var photo = RandomNumberGenerator.GetBytes(2048);
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            var caseId = await db.Cases.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync();
            db.Attachments.Add(new CaseAttachment { CaseId = caseId, FileName = "photo-1.jpg", ContentType = "image/jpeg", Content = photo, CreatedAt = TimeProvider.System.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var auditor = await app.LoginAsync("auditor");
        var zipResponse = await auditor.GetAsync($"/api/v1/cases/{code}/evidence.zip");
        var page = await auditor.GetAsync($"/api/v1/cases/{code}/evidence");

        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType!.MediaType);
        await using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync());
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        Assert.Equal(["README.txt", "answers.json", "attachments.csv", "case.json", "chain-proof.json", "events.json", "timeline.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var proof = JsonNode.Parse(Read("chain-proof.json"))!;
        var events = JsonNode.Parse(Read("events.json"))!.AsArray();
        Assert.True(proof["allLinked"]!.GetValue<bool>());
        Assert.Equal(events.Select(e => e!["seq"]!.GetValue<long>()), proof["links"]!.AsArray().Select(l => l!["seq"]!.GetValue<long>()));
        Assert.Equal((await CaseApi.HistoryAsync(auditor, code)).Count, events.Count);
        Assert.Contains($"photo-1.jpg,image/jpeg,2048,{Convert.ToHexStringLower(SHA256.HashData(photo))}", Read("attachments.csv"), StringComparison.Ordinal);
        Assert.Contains("answered", Read("timeline.csv"), StringComparison.Ordinal);
        Assert.Contains("پاسخ کارشناس", Read("answers.json"), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains(PersianText.ToPersianDigits(code), html, StringComparison.Ordinal);
        Assert.Contains(JalaliDate.Format(TimeProvider.System.GetUtcNow(), withTime: false), html, StringComparison.Ordinal);
        foreach (var personal in new[] { "علی رضایی", "0499370899", "09123456789" })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
            Assert.All(zip.Entries, e => Assert.DoesNotContain(personal, Read(e.FullName), StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAsync("edesk")).GetAsync($"/api/v1/cases/{code}/evidence.zip")).StatusCode);
    }

    private static string Type(JsonObject audit) => audit["type"]!.GetValue<string>();

    // Where an event is in the case's history (time order).
    private static int SeqOf(List<JsonObject> history, string type, string field, Guid id) =>
        history.IndexOf(history.Single(e => Type(e) == type && e["data"]![field]?.GetValue<string>() == id.ToString()));

    private static (DateTimeOffset At, long Seq) Place(JsonObject e) => (e["at"]!.GetValue<DateTimeOffset>(), e["seq"]!.GetValue<long>());
}

public sealed class AuditApiOnSqlite(TestDatabases databases) : AuditApiScenarios(databases, Store.Sqlite);

public sealed class AuditApiOnPostgres(TestDatabases databases) : AuditApiScenarios(databases, Store.Postgres);
