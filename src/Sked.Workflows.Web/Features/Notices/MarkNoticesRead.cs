using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Notices;

/// <summary>
/// Marks one notice, or every unread one, as read for this member only (a group notice stays unread
/// for the others). POST /api/v1/notices/{id}/read, POST /api/v1/notices/read and the bell call <see cref="Handler"/>.
/// A notice that does not reach the member is not found.
/// </summary>
public static class MarkNoticesRead
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
    {
        /// <summary>How many notices became read; <paramref name="noticeId"/> null means all.</summary>
        public async Task<int> HandleAsync(StaffMember member, Guid? noticeId, CancellationToken cancellationToken)
        {
            var reaching = StaffGroups.Reaching(member).ToList();
            var user = member.UserName;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var unread = await db.StaffNotices.AsNoTracking()
                .Where(n => reaching.Contains(n.Recipient) && (noticeId == null || n.Id == noticeId)
                    && !db.StaffNoticeReads.Any(r => r.NoticeId == n.Id && r.UserName == user))
                // The newest first: beyond a thousand unread, those the bell shows are the ones marked.
                .OrderByDescending(n => n.At)
                .Select(n => n.Id)
                .Take(1000)
                .ToListAsync(cancellationToken);
            var now = time.GetUtcNow();
            db.StaffNoticeReads.AddRange(unread.Select(id => new StaffNoticeRead { NoticeId = id, UserName = user, At = now }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same member read them in another tab at the same moment: they are read either way.
            }

            return unread.Count;
        }
    }

    public static RouteGroupBuilder MapMarkNoticesRead(this RouteGroupBuilder api)
    {
        api.MapPost("/notices/{id:guid}/read", async (Guid id, Handler handler, HttpContext http, CancellationToken cancellationToken) =>
                Results.Ok(new { read = await handler.HandleAsync(http.Member(), id, cancellationToken) }))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Notices");
        api.MapPost("/notices/read", async (Handler handler, HttpContext http, CancellationToken cancellationToken) =>
                Results.Ok(new { read = await handler.HandleAsync(http.Member(), null, cancellationToken) }))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Notices");
        return api;
    }
}
