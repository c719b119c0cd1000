using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>
/// The outbox's messages in one state (dead, failed = pending after a failure, pending, cancelled), a
/// page at a time: by default the dead letters an administrator may send again. Never the text (a letter's password may be in it) and never a full address.
/// GET /api/v1/outbox?status=dead&amp;page=1&amp;pageSize=50 calls <see cref="Handler"/>; so does the staff page.
/// </summary>
public static class ListOutboxMessages
{
    public const int MaxPageSize = 200;

    public sealed record Request(string? Status = "dead", int Page = 1, int PageSize = 50);

    /// <summary>One message as an administrator sees it. <see cref="Recipient"/> is masked (0912*****89, a***@example.ir).</summary>
    public sealed record MessageView(Guid Id, string Kind, string? TrackingCode, string? Recipient, OutboxStatus Status, int Attempts,
        string? LastError, DateTimeOffset CreatedAt, DateTimeOffset AvailableAt);

    public sealed record PageView(int Page, int PageSize, int Total, IReadOnlyList<MessageView> Items);

    /// <summary>A page, or the field that was wrong and why.</summary>
    public sealed record Result(PageView? Page, string? Field = null, Message? Error = null);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            OutboxStatus? status = request.Status switch
            {
                null or "dead" => OutboxStatus.Dead,
                "pending" or "failed" => OutboxStatus.Pending,
                "cancelled" => OutboxStatus.Cancelled,
                _ => null,
            };
            if (status is null)
            {
                return new Result(null, "status", Message.Of(OutboxAdminTexts.UnknownStatus));
            }

            if (request.Page < 1 || request.PageSize is < 1 or > MaxPageSize)
            {
                return new Result(null, request.Page < 1 ? "page" : "pageSize", Message.Of(OutboxAdminTexts.PageInvalid, MaxPageSize));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = db.Outbox.AsNoTracking().Where(m => m.Status == status);
            if (request.Status == "failed")
            {
                // Waiting for another try after a failure: pending, with the reason it failed last.
                rows = rows.Where(m => m.Attempts > 0);
            }

            var total = await rows.CountAsync(cancellationToken);
            // The (Status, AvailableAt) index serves the order; a dead letter's AvailableAt is when it was given up.
            var page = await rows.OrderByDescending(m => m.AvailableAt).ThenBy(m => m.Id)
                .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
                .ToListAsync(cancellationToken);
            return new Result(new PageView(request.Page, request.PageSize, total, page.Select(View).ToList()));
        }

        private static MessageView View(OutboxMessage message)
        {
            var notification = OutboxDelivery.NotificationOf(message);
            var recipient = message.Kind == OutboxKinds.Sms ? MobileNumber.Redact(notification?.To) : MaskEmail(notification?.To);
            return new MessageView(message.Id, message.Kind, notification?.TrackingCode, notification is null ? null : recipient,
                message.Status, message.Attempts, message.LastError, message.CreatedAt, message.AvailableAt);
        }

        /// <summary>The first letter and the domain: enough to tell two addresses apart, not enough to write to one.</summary>
        private static string MaskEmail(string? address)
        {
            var at = address?.IndexOf('@', StringComparison.Ordinal) ?? -1;
            return at > 0 ? address![..1] + "***" + address[at..] : "***";
        }
    }

    public static RouteGroupBuilder MapListOutboxMessages(this RouteGroupBuilder outbox)
    {
        outbox.MapGet("/", async (string? status, int? page, int? pageSize, Handler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(new Request(status, page ?? 1, pageSize ?? 50), ct);
            return result.Page is { } found ? Results.Ok(found) : ApiResults.Invalid(result.Field!, result.Error!);
        }).Produces<PageView>().ProducesValidationProblem();
        return outbox;
    }
}
