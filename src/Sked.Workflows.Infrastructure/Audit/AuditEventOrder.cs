namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The order in which people read audit events: by time, then by <c>Seq</c>. Events of different lanes
/// (<see cref="ChainLanes"/>) have no common chain order, so a case's history, the auditors' search and the
/// evidence pack show them in time order; events of one transaction share their time and keep their order in the chain.
/// </summary>
public static class AuditEventOrder
{
    public static IOrderedQueryable<AuditEvent> InTimeOrder(this IQueryable<AuditEvent> events) =>
        events.OrderBy(a => a.At).ThenBy(a => a.Seq);
}
