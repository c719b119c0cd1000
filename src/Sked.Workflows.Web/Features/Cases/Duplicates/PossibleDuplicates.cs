using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Cases.Duplicates;

/// <summary>
/// Duplicate cases across channels: the open cases of the same citizen (national code, mobile or e-mail:
/// <see cref="CitizenKeys"/>) created within <see cref="Window"/> of this one whose subject and body share most
/// of their terms (<see cref="SameProblem"/>); and what this case was merged into or has merged into it.
/// GET /api/v1/cases/{trackingCode}/duplicates (e-desk) and the case page's panel both call <see cref="Handler"/>.
/// </summary>
public static class PossibleDuplicates
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The share of the shorter text's terms the other must hold.</summary>
    public const double SameProblemAt = 0.5;

    public sealed record Row(Guid CaseId, string TrackingCode, string Type, string Subject, DateTimeOffset CreatedAt);

    /// <summary>Possible duplicates (oldest first), the case this one was merged into, and the cases merged into this one.</summary>
    public sealed record View(Guid CaseId, IReadOnlyList<Row> Possible, Row? MergedInto, IReadOnlyList<Row> Merged);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, CaseIndex index, CurrentSynonyms synonyms)
    {
        public async Task<View?> HandleAsync(string trackingCode, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == trackingCode, cancellationToken);
            if (@case is null)
            {
                return null;
            }

            var merged = await Rows(db.Cases.Where(c => c.MergedIntoId == @case.Id)).ToListAsync(cancellationToken);
            var into = @case.MergedIntoId is { } target ? await Rows(db.Cases.Where(c => c.Id == target)).SingleOrDefaultAsync(cancellationToken) : null;
            IReadOnlyList<Row> possible = @case.MergedIntoId is null && @case.ClosedAt is null ? await CandidatesAsync(db, @case, cancellationToken) : [];
            return new View(@case.Id, possible, into, merged);
        }

        private async Task<List<Row>> CandidatesAsync(SkedDbContext db, CaseFile @case, CancellationToken cancellationToken)
        {
            var keys = CitizenKeys.Of(@case);
            if (keys.Count == 0)
            {
                return [];
            }

            var topic = CaseDocuments.TopicOf(@case.Subject + " " + @case.Body, synonyms.Table);
            var since = @case.CreatedAt - Window;
            var until = @case.CreatedAt + Window;
            var ids = index.SameCitizen(keys, since, @case.Id, 50) is { } found
                ? found.Where(c => SameProblem(topic, c.Topic)).Select(c => c.CaseId).ToList()
                : await ScanAsync(db, @case, topic, since, cancellationToken);
            return await Rows(db.Cases.Where(c => ids.Contains(c.Id) && c.MergedIntoId == null && c.ClosedAt == null && c.CreatedAt <= until)
                .OrderBy(c => c.CreatedAt)).ToListAsync(cancellationToken);
        }

        // While the index is being built: the same citizen's open cases of the window, read from the cases themselves.
        private async Task<List<Guid>> ScanAsync(SkedDbContext db, CaseFile @case, IReadOnlyList<string> topic, DateTimeOffset since, CancellationToken cancellationToken)
        {
            var (national, mobile, email) = (@case.Citizen.NationalCode, @case.Citizen.Mobile, @case.Citizen.Email);
            var others = await db.Cases.AsNoTracking()
                .Where(c => c.Id != @case.Id && !c.Anonymous && c.CreatedAt >= since && c.ClosedAt == null
                    && ((national != null && c.Citizen.NationalCode == national) || (mobile != null && c.Citizen.Mobile == mobile) || (email != null && c.Citizen.Email == email)))
                .Select(c => new { c.Id, c.Subject, c.Body }).Take(50).ToListAsync(cancellationToken);
            return [.. others.Where(o => SameProblem(topic, CaseDocuments.TopicOf(o.Subject + " " + o.Body, synonyms.Table))).Select(o => o.Id)];
        }
    }

    /// <summary>Two texts are about the same problem when they share at least <see cref="SameProblemAt"/> of the shorter one's terms.</summary>
    public static bool SameProblem(IReadOnlyList<string> one, IReadOnlyList<string> other)
    {
        var (shorter, longer) = one.Count <= other.Count ? (one, other) : (other, one);
        var shared = shorter.Count(t => longer.Any(o => Domain.Text.PersianTerms.Related(t, o)));
        return shared > 0 && shared >= SameProblemAt * shorter.Count;
    }

    private static IQueryable<Row> Rows(IQueryable<CaseFile> cases) =>
        cases.AsNoTracking().Select(c => new Row(c.Id, c.TrackingCode, c.Type, c.Subject, c.CreatedAt));

    /// <summary>Who sees possible duplicates and merges them: the e-desk (and administrators).</summary>
    public static bool MayMerge(StaffMember staff) => staff.IsIn(Roles.EDesk) || staff.IsIn(Roles.Admin);

    public static RouteGroupBuilder MapPossibleDuplicates(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{trackingCode}/duplicates", async (string trackingCode, Handler handler, CancellationToken cancellationToken) =>
                TrackingCode.TryParse(trackingCode, out var code) && await handler.HandleAsync(code.Value, cancellationToken) is { } view
                    ? Results.Ok(view)
                    : Results.NotFound())
            .RequireAuthorization(Policies.EDesk).WithTags("Cases").Produces<View>();
        return api;
    }
}
