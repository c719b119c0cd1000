using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// Audit events written outside the engine (the outbox, the SMS poller, an administrator) about cases
/// named by tracking code or id: each gets its case's instance and definition as the engine's own
/// events have them, so the case's history shows it. The cases are read with one query.
/// </summary>
public static class CaseAuditEvents
{
    /// <summary>One event to write; a case that cannot be found leaves the event without one.</summary>
    public sealed record About(string? TrackingCode, Guid? CaseId, AuditEventData Data);

    /// <summary>Adds the events to the context (nothing is saved here) and returns them in the same order.</summary>
    public static async Task<IReadOnlyList<AuditEvent>> AddAsync(SkedDbContext db, IReadOnlyList<About> events, string actor, string? clientAddress,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var codes = events.Select(e => e.TrackingCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var ids = events.Select(e => e.CaseId).OfType<Guid>().Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => codes.Contains(c.TrackingCode) || ids.Contains(c.Id))
            .Join(db.Instances, c => c.Id, i => i.CaseId, (c, i) => new { c.Id, c.TrackingCode, Instance = i.Id, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var added = new List<AuditEvent>(events.Count);
        foreach (var about in events)
        {
            var @case = cases.Find(c => c.Id == about.CaseId || string.Equals(c.TrackingCode, about.TrackingCode, StringComparison.Ordinal));
            added.Add(new AuditEvent(about.Data, actor)
            {
                At = now,
                CaseId = @case?.Id,
                TrackingCode = @case?.TrackingCode,
                InstanceId = @case?.Instance,
                DefinitionId = @case?.DefinitionId,
                DefinitionVersion = @case?.DefinitionVersion,
                ClientAddress = clientAddress,
            });
        }

        db.AuditEvents.AddRange(added);
        return added;
    }
}
