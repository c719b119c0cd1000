using System.Globalization;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// GET /api/v1/audit/checkpoints and /checkpoints.csv (Auditor): each lane's head (docs/adr/0007) at the end of
/// each day (Iran time) — lane, date, last Seq, hash — and today's running heads. Someone outside the company
/// keeps the exports; a later export must repeat every closed row, or the log was rewritten (docs/audit.md).
/// </summary>
[FeatureContract]
public static class ChainCheckpoints
{
    public static readonly string[] CsvHeader = ["date", "jalali_date", "last_seq", "last_event_at_utc", "hash", "closed", "lane"];

    public sealed record CheckpointView(DateOnly Date, string JalaliDate, long LastSeq, DateTimeOffset? LastEventAt, string Hash, bool Closed, int Lane);

    public static RouteGroupBuilder MapChainCheckpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.Auditor).WithTags("Audit");
        audit.MapGet("/checkpoints", async (AuditChainVerifier verifier, CancellationToken cancellationToken) =>
                Results.Ok((await verifier.CheckpointsAsync(cancellationToken)).Select(c =>
                    new CheckpointView(c.Day, JalaliDate.Format(c.Day), c.Seq, c.At, c.Hash, c.Closed, c.Lane)).ToList()))
            .Produces<List<CheckpointView>>();
        audit.MapGet("/checkpoints.csv", Export);
        return api;
    }

    /// <summary>The CSV download; also served to a signed-in auditor at /staff/audit/checkpoints.csv.</summary>
    public static async Task<IResult> Export(AuditChainVerifier verifier, TimeProvider time, CancellationToken cancellationToken)
    {
        var checkpoints = await verifier.CheckpointsAsync(cancellationToken);
        var today = JalaliDate.LocalDate(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Csv.File($"sked-audit-checkpoints-{today}.csv", writer => WriteAsync(writer, checkpoints));
    }

    public static async Task WriteAsync(TextWriter writer, IEnumerable<ChainCheckpoint> checkpoints)
    {
        await writer.WriteAsync(Csv.Line(CsvHeader));
        foreach (var c in checkpoints)
        {
            await writer.WriteAsync(Csv.Line(
                c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PersianText.ToAsciiDigits(JalaliDate.Format(c.Day)),
                c.Seq.ToString(CultureInfo.InvariantCulture),
                c.At?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                c.Hash,
                c.Closed ? "true" : "false",
                c.Lane.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
