using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Notices;

/// <summary>
/// A member's bell: the newest notices to their login or groups, each read or not, and how many are
/// unread. GET /api/v1/notices and the bell in the staff layout call <see cref="Handler"/>.
/// </summary>
public static class ListMyNotices
{
    public const int Newest = 30;

    public sealed record Row(Guid Id, string Kind, string Text, string? TrackingCode, Guid? TaskId, DateTimeOffset At, bool Read);

    public sealed record Response(int Unread, IReadOnlyList<Row> Notices);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory)
    {
        public async Task<Response> HandleAsync(StaffMember member, CancellationToken cancellationToken)
        {
            var reaching = StaffGroups.Reaching(member).ToList();
            var user = member.UserName;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var mine = db.StaffNotices.AsNoTracking().Where(n => reaching.Contains(n.Recipient));
            var rows = await mine
                .OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
                .Take(Newest)
                .Select(n => new Row(n.Id, n.Kind, n.Text, n.TrackingCode, n.TaskId, n.At,
                    db.StaffNoticeReads.Any(r => r.NoticeId == n.Id && r.UserName == user)))
                .ToListAsync(cancellationToken);
            var unread = await mine.CountAsync(n => !db.StaffNoticeReads.Any(r => r.NoticeId == n.Id && r.UserName == user), cancellationToken);
            return new Response(unread, rows);
        }
    }

    public static RouteGroupBuilder MapListMyNotices(this RouteGroupBuilder api)
    {
        api.MapGet("/notices", async (Handler handler, HttpContext http, CancellationToken cancellationToken) =>
                Results.Ok(await handler.HandleAsync(http.Member(), cancellationToken)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Notices")
            .Produces<Response>();
        return api;
    }
}
