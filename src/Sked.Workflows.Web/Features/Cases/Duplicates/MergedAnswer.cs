using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Cases.Duplicates;

/// <summary>A merged duplicate shows the answer of the case it was merged into, until it has one of its own: one answer reaches both citizens.</summary>
[FeatureContract]
public static class MergedAnswer
{
    public static async Task FillAsync(SkedDbContext db, CaseFile found, CancellationToken cancellationToken)
    {
        if (found.MergedIntoId is not { } into || found.Answer is not null)
        {
            return;
        }

        (found.Answer, found.AnsweredAt) = await OfAsync(db, into, cancellationToken);
    }

    /// <summary>The answer (and when) of the case a duplicate was merged into; nulls while it has none.</summary>
    public static async Task<(string? Answer, DateTimeOffset? AnsweredAt)> OfAsync(SkedDbContext db, Guid into, CancellationToken cancellationToken)
    {
        var answer = await db.Cases.AsNoTracking().Where(c => c.Id == into).Select(c => new { c.Answer, c.AnsweredAt }).SingleOrDefaultAsync(cancellationToken);
        return (answer?.Answer, answer?.AnsweredAt);
    }
}
