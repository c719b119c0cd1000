using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>
/// An administrator cancels a message that is waiting or dead, so it is never sent; recorded as
/// <c>outbox.cancelled</c> in the same transaction, and a cancelled mail shows as not sent on the
/// case's thread. 404 for an unknown message, 409 for one sent, cancelled, or held by a sender right now.
/// POST /api/v1/outbox/{id}/cancel calls <see cref="Handler"/>; so does the staff page.
/// </summary>
public static class CancelOutboxMessage
{
    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, Actor admin, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Conditional: a message a dispatcher has leased may be on its way to the operator already.
            var cancelled = await db.Outbox
                .Where(m => m.Id == id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Dead) && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled).SetProperty(m => m.ProcessedAt, now), cancellationToken);
            var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (message is null)
            {
                return WorkflowResult.NotFound(OutboxAdminTexts.MessageNotFound);
            }

            if (cancelled == 0)
            {
                return WorkflowResult.Conflict(OutboxAdminTexts.NotCancellable);
            }

            if (OutboxDelivery.NotificationOf(message)?.Mail is { } mail)
            {
                await db.CaseMail.Where(m => m.Id == mail).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Disposition, MailDisposition.Suppressed)
                    .SetProperty(m => m.SuppressedBecause, "cancelled by " + admin.Name), cancellationToken);
            }

            // The event belongs to the message's case when it has one, so the case's history shows it.
            await CaseAuditEvents.AddAsync(db, [new CaseAuditEvents.About(OutboxDelivery.NotificationOf(message)?.TrackingCode, null,
                new OutboxMessageCancelled(message.Id, message.Kind, message.Attempts))], admin.Name, admin.ClientAddress, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return WorkflowResult.Ok;
        }
    }

    public static RouteGroupBuilder MapCancelOutboxMessage(this RouteGroupBuilder outbox)
    {
        outbox.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, http.Member(), ct)));
        return outbox;
    }
}
