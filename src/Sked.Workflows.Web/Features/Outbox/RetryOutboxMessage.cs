using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Outbox;

/// <summary>
/// An administrator sends a dead letter back to the queue: Pending and due now, its attempts kept
/// (so it gets one more try before it is dead again), recorded as <c>outbox.retried</c> in the same
/// transaction. 404 for an unknown message, 409 for one that is not dead.
/// POST /api/v1/outbox/{id}/retry calls <see cref="Handler"/>; so does the staff page.
/// </summary>
public static partial class RetryOutboxMessage
{
    public sealed partial class Handler(IDbContextFactory<SkedDbContext> dbFactory, OutboxNudge nudge, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<WorkflowResult> HandleAsync(Guid id, Actor admin, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Conditional, so of two administrators pressing at once only one sends it back.
            var sentBack = await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Dead)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.AvailableAt, now)
                    .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (message is null)
            {
                return WorkflowResult.NotFound(OutboxAdminTexts.MessageNotFound);
            }

            if (sentBack == 0)
            {
                return WorkflowResult.Conflict(OutboxAdminTexts.NotDead);
            }

            // The event belongs to the message's case when it has one, so the case's history shows it.
            await CaseAuditEvents.AddAsync(db, [new CaseAuditEvents.About(OutboxDelivery.NotificationOf(message)?.TrackingCode, null,
                new OutboxMessageRetried(message.Id, message.Kind, message.Attempts))], admin.Name, admin.ClientAddress, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            nudge.Notify();
            LogRetried(logger, message.Kind, id, message.Attempts, admin.Name);
            return WorkflowResult.Ok;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Kind} message {Id} sent back to the queue after {Attempts} attempts by {Admin}")]
        private static partial void LogRetried(ILogger logger, string kind, Guid id, int attempts, string admin);
    }

    public static RouteGroupBuilder MapRetryOutboxMessage(this RouteGroupBuilder outbox)
    {
        outbox.MapPost("/{id:guid}/retry", async (Guid id, HttpContext http, Handler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, http.Member(), ct)));
        return outbox;
    }
}
