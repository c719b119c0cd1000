using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>Every entry for the curation page: proposals first, then published, then earlier public questions, each by repeats.</summary>
public static class ListFaqEntries
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory)
    {
        public async Task<IReadOnlyList<FaqEntry>> HandleAsync(StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return [];
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entries = await db.Faq.AsNoTracking().ToListAsync(cancellationToken);
            return [.. entries
                .OrderBy(f => f.IsProposed ? 0 : f.PublishedAt is not null ? 1 : 2)
                .ThenByDescending(f => f.Repeats)
                .ThenBy(f => f.Question, StringComparer.Ordinal)];
        }
    }
}
