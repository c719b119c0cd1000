using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Web.Features.StaffArea.Auditing;

/// <summary>
/// A case as an auditor reads it: every audit event in chain order and the workflow version it ran on,
/// with the path it took — the nodes it entered and the connections it left them by (node.entered and
/// node.left events) — and the node it is at now.
/// </summary>
public sealed class CaseAuditQuery(IDbContextFactory<SkedDbContext> dbFactory, DefinitionCatalog catalog, DepartmentDirectory departments, StaffNames staff)
{
    public async Task<CaseAudit?> LoadAsync(string trackingCode, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == code.Value, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == found.Id, cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.CaseId == found.Id).InTimeOrder().ToListAsync(cancellationToken);
        var workflow = instance is null ? null : await catalog.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var labels = workflow?.Definition.Nodes.ToDictionary(n => n.Id, n => n.Label ?? n.Id, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        await staff.LoadAsync(cancellationToken);
        var names = new AuditNames(labels, departments.ByCode, staff.Of);
        var rows = events.Select(a => new TimelineEvent(a.Seq, a.At, JalaliDate.Format(a.At), a.Type, a.Actor,
            AuditSummary.Describe(a.Type, a.Data, names))).ToList();
        return new CaseAudit(found.TrackingCode, found.Type, CaseTypes.PersianNames.GetValueOrDefault(found.Type, found.Type), found.Subject,
            CaseStatuses.PersianLabels.GetValueOrDefault(found.Status, found.Status),
            found.Department is null ? null : departments.ByCode.GetValueOrDefault(found.Department, found.Department),
            workflow?.Definition, instance?.DefinitionVersion, Path(events.Select(e => (e.Type, e.Data)), instance), rows);
    }

    private static readonly string EnteredType = AuditEvents.NameOf<NodeEntered>();
    private static readonly string LeftType = AuditEvents.NameOf<NodeLeft>();

    /// <summary>The nodes entered and the (from, outcome) connections taken, read from the events in chain order.</summary>
    public static CasePath Path(IEnumerable<(string Type, string Data)> events, WorkflowInstance? instance)
    {
        var entered = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<(string From, string Outcome)>();
        // Only the node events draw the path; the rest are not read a second time.
        foreach (var (type, json) in events.Where(e => e.Type == EnteredType || e.Type == LeftType))
        {
            switch (AuditEvents.Read(type, json))
            {
                case NodeEntered { Node: { } node }:
                    entered.Add(node);
                    break;
                case NodeLeft { Node: { } node, Outcome: { } outcome }:
                    taken.Add((node, outcome));
                    break;
            }
        }

        return new CasePath(entered, taken, instance?.CurrentNodeId, instance?.Status == InstanceStatus.Completed);
    }
}

public sealed record CaseAudit(string TrackingCode, string Type, string TypeName, string Subject, string StatusLabel, string? DepartmentName,
    WorkflowDefinition? Workflow, int? Version, CasePath Path, IReadOnlyList<TimelineEvent> Events);

public sealed record CasePath(IReadOnlySet<string> Entered, IReadOnlySet<(string From, string Outcome)> Taken, string? Current, bool Completed);

public sealed record TimelineEvent(long Seq, DateTimeOffset At, string AtJalali, string Type, string Actor, string Summary);
