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

        var answer = await db.Cases.AsNoTracking().Where(c => c.Id == into).Select(c => new { c.Answer, c.AnsweredAt }).SingleOrDefaultAsync(cancellationToken);
        (found.Answer, found.AnsweredAt) = (answer?.Answer, answer?.AnsweredAt);
    }
}
