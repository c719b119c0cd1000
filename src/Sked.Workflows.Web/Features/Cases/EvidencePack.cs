using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Features.Audit;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>
/// GET /api/v1/cases/{trackingCode}/evidence.zip (Auditor): a case's evidence pack — the case, its
/// timeline, the answers staff gave, its attachments (name, size, SHA-256), its audit events and the
/// chain proof (each event's link to its predecessor, checked with the key, and the chain head at
/// export time). The citizen's contact details are not in it. The printable page is <see cref="EvidencePage"/>.
/// </summary>
[FeatureContract]
public static class EvidencePack
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record CaseSummary(string TrackingCode, string Type, string TypeName, string Subject, string Body, string Status,
        string StatusLabel, string? Department, string? DepartmentName, bool Anonymous, DateTimeOffset CreatedAt, string CreatedAtJalali,
        DateTimeOffset? ClosedAt, string? Answer, DateTimeOffset? AnsweredAt);

    public sealed record TimelineRow(DateTimeOffset At, string AtJalali, string Status, string Label, string? Detail);

    public sealed record AnswerRow(string Step, string Title, string Status, string? Outcome, string? CompletedBy,
        DateTimeOffset? CompletedAt, string? CompletedAtJalali, IReadOnlyDictionary<string, string> Data);

    public sealed record AttachmentRow(string FileName, string ContentType, long Size, string Sha256, DateTimeOffset CreatedAt);

    public sealed record ProofLink(long Seq, long Id, string Type, string PreviousHash, string Hash, bool Linked);

    /// <summary>A lane's head when the pack was made (docs/adr/0007).</summary>
    public sealed record HeadAtExport(int Lane, long Seq, string Hash, DateTimeOffset? At);

    /// <summary>
    /// The links of the case's events and every lane's head; <c>KeyFingerprint</c> is SHA-256 of the chain key, so an
    /// inspector given the key can tell it is the one that sealed them.
    /// </summary>
    public sealed record ChainProof(DateTimeOffset ExportedAt, string Algorithm, IReadOnlyList<HeadAtExport> Heads,
        bool AllLinked, IReadOnlyList<ProofLink> Links, string KeyFingerprint);

    public sealed record Evidence(CaseSummary Case, IReadOnlyList<TimelineRow> Timeline, IReadOnlyList<AnswerRow> Answers,
        IReadOnlyList<AttachmentRow> Attachments, IReadOnlyList<AuditEventView> Events, ChainProof Proof);

    public static RouteGroupBuilder MapEvidencePack(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{trackingCode}/evidence.zip", Download)
            .RequireAuthorization(Policies.Auditor)
            .WithTags("Audit")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The ZIP, or 400/404; also served to a signed-in auditor at /staff/audit/cases/{code}/evidence.zip.</summary>
    public static async Task<IResult> Download(string trackingCode, SkedDbContext db, AuditChain chain, DepartmentDirectory departments,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (evidence, error) = await LoadAsync(trackingCode, db, chain, departments, time, cancellationToken);
        return evidence is null ? error! : Results.File(Zip(evidence), "application/zip", $"evidence-{evidence.Case.TrackingCode}.zip");
    }

    /// <summary>Gathers a case's evidence, or the 400/404 to answer instead.</summary>
    public static async Task<(Evidence? Evidence, IResult? Error)> LoadAsync(string trackingCode, SkedDbContext db, AuditChain chain,
        DepartmentDirectory departments, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code))
        {
            return (null, ApiResults.Invalid("trackingCode", Domain.Text.Catalogue.Render(CaseLookupErrors.TrackingCodeInvalid)));
        }

        var found = await db.Cases.AsNoTracking().Include(c => c.Timeline).SingleOrDefaultAsync(c => c.TrackingCode == code.Value, cancellationToken);
        if (found is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Domain.Text.Catalogue.Render(CaseLookupErrors.NotFound)));
        }

        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId == found.Id).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CaseId == found.Id).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.CaseId == found.Id).InTimeOrder().ToListAsync(cancellationToken);
        var proof = await ProveAsync(db, chain, events, time.GetUtcNow(), cancellationToken);
        var evidence = new Evidence(
            Summary(found, departments),
            found.Timeline.OrderBy(t => t.Id).Select(t => new TimelineRow(t.At, JalaliDate.Format(t.At), t.Status,
                CaseStatuses.PersianLabels.GetValueOrDefault(t.Status, t.Status), t.Detail)).ToList(),
            tasks.Select(t => new AnswerRow(t.NodeId, t.Title, t.Status.ToString(), t.Outcome, t.CompletedBy, t.CompletedAt,
                t.CompletedAt is { } at ? JalaliDate.Format(at) : null, t.Data)).ToList(),
            attachments.Select(a => new AttachmentRow(a.FileName, a.ContentType, a.Content.LongLength,
                Convert.ToHexStringLower(SHA256.HashData(a.Content)), a.CreatedAt)).ToList(),
            events.Select(AuditEventView.From).ToList(),
            proof);
        return (evidence, null);
    }

    private static CaseSummary Summary(CaseFile found, DepartmentDirectory departments) => new(
        found.TrackingCode, found.Type, CaseTypes.PersianNames.GetValueOrDefault(found.Type, found.Type), found.Subject, found.Body,
        found.Status, CaseStatuses.PersianLabels.GetValueOrDefault(found.Status, found.Status), found.Department,
        found.Department is null ? null : departments.ByCode.GetValueOrDefault(found.Department), found.Anonymous,
        found.CreatedAt, JalaliDate.Format(found.CreatedAt), found.ClosedAt, found.Answer, found.AnsweredAt);

    /// <summary>Each of the case's events checked against its predecessor's hash with the key, and the heads now.</summary>
    private static async Task<ChainProof> ProveAsync(SkedDbContext db, AuditChain chain, List<AuditEvent> events, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var previousSeqs = events.Where(a => !ChainLanes.IsFirst(a.Seq)).Select(a => a.Seq - 1).ToList();
        var previous = await db.AuditEvents.AsNoTracking().Where(a => previousSeqs.Contains(a.Seq))
            .Select(a => new { a.Seq, a.Hash }).ToDictionaryAsync(a => a.Seq, a => a.Hash, cancellationToken);
        var heads = await db.ChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken);
        using var linker = chain.CreateLinker();
        var links = events.Select(a =>
        {
            var before = ChainLanes.IsFirst(a.Seq) ? AuditChain.Genesis() : previous.GetValueOrDefault(a.Seq - 1);
            return new ProofLink(a.Seq, a.Id, a.Type, before is null ? "" : AuditChain.Hex(before), AuditChain.Hex(a.Hash),
                before is not null && linker.Matches(before, a));
        }).ToList();
        return new ChainProof(now, "HMAC-SHA256, key Audit:ChainKey (docs/audit.md)",
            heads.Select(h => new HeadAtExport(h.Id, h.Seq, AuditChain.Hex(h.Hash), h.At)).ToList(),
            links.TrueForAll(l => l.Linked), links, chain.KeyFingerprint);
    }

    private static byte[] Zip(Evidence evidence)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", Readme(evidence));
            Add(zip, "case.json", JsonSerializer.Serialize(evidence.Case, Json));
            Add(zip, "timeline.csv", Csv.Line("at_utc", "at_jalali", "status", "label", "detail")
                + string.Concat(evidence.Timeline.Select(t => Csv.Line(Utc(t.At), Ascii(t.AtJalali), t.Status, t.Label, t.Detail))));
            Add(zip, "answers.json", JsonSerializer.Serialize(new { answer = evidence.Case.Answer, answeredAt = evidence.Case.AnsweredAt, tasks = evidence.Answers }, Json));
            Add(zip, "attachments.csv", Csv.Line("file_name", "content_type", "size_bytes", "sha256", "created_at_utc")
                + string.Concat(evidence.Attachments.Select(a => Csv.Line(a.FileName, a.ContentType,
                    a.Size.ToString(CultureInfo.InvariantCulture), a.Sha256, Utc(a.CreatedAt)))));
            Add(zip, "events.json", JsonSerializer.Serialize(evidence.Events, Json));
            Add(zip, "chain-proof.json", JsonSerializer.Serialize(evidence.Proof, Json));
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), name.EndsWith(".csv", StringComparison.Ordinal) ? Csv.Encoding : new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string Readme(Evidence evidence) => string.Create(CultureInfo.InvariantCulture, $"""
        Evidence pack of case {evidence.Case.TrackingCode} — South Kerman Electricity Distribution (Sked.Workflows)
        Exported {Utc(evidence.Proof.ExportedAt)} (UTC); chain heads at export: {string.Join("; ", evidence.Proof.Heads.Select(h => $"lane {h.Lane} seq {h.Seq}, hash {h.Hash}"))}.

        case.json         the case: type, subject, text, status, department (the citizen's contact details are withheld)
        timeline.csv      the statuses the citizen saw, with UTC and Jalali times
        answers.json      the answer published to the citizen and every task staff worked, with outcome and form data
        attachments.csv   files sent with the case: name, type, size and SHA-256
        events.json       every audit event of the case in chain order (seq, time, actor, client address, data, hash)
        chain-proof.json  for each event: the previous event's hash, its own, and whether the link holds under the
                          chain key ({(evidence.Proof.AllLinked ? "all links hold" : "SOME LINKS DO NOT HOLD")}); compare the
                          hashes with the daily checkpoints kept outside the company (docs/audit.md)
        """);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Ascii(string text) => PersianText.ToAsciiDigits(text);
}
