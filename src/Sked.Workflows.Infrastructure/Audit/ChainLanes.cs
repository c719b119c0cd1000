using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The audit log is several hash chains ("lanes", docs/adr/0007), so that seals on PostgreSQL do not all
/// queue behind one head row through its commit. Lane n numbers its events from (n − 1) × <see cref="Width"/> + 1
/// on: an event's <c>Seq</c> names its lane, and as <c>Seq</c> is part of the canonical bytes an event cannot be
/// moved to another lane unnoticed. Lane 1 is the chain as it was before lanes (Seq 1, 2, 3 …); SQLite has
/// only lane 1 (its one writer has no queue to break). Each lane's head is a row of audit_chain_head, its Id the lane.
/// </summary>
public static class ChainLanes
{
    public const int First = 1;

    /// <summary>The Seq numbers each lane has: a trillion, so the lanes never meet.</summary>
    public const long Width = 1_000_000_000_000;

    /// <summary>The lane an event's Seq belongs to (lane 1 for a Seq below 1, which no seal gives).</summary>
    public static int Of(long seq) => seq < 1 ? First : (int)((seq - 1) / Width) + 1;

    /// <summary>The Seq a lane's empty head has: its first event is this + 1.</summary>
    public static long Start(int lane) => (lane - 1) * Width;

    /// <summary>The last Seq a lane can give.</summary>
    public static long End(int lane) => lane * Width;

    /// <summary>Whether an event is its lane's first, linked on the genesis hash.</summary>
    public static bool IsFirst(long seq) => seq >= 1 && (seq - 1) % Width == 0;

    /// <summary>How many events a lane's head has sealed, as a query can compute it in the database.</summary>
    public static Expression<Func<AuditChainHead, long>> Sealed { get; } = head => head.Seq - (head.Id - First) * Width;

    private static readonly Func<AuditChainHead, long> s_sealed = Sealed.Compile();

    /// <summary>How many events a lane's head has sealed.</summary>
    public static long Count(AuditChainHead head) => s_sealed(head);

    /// <summary>
    /// Gives lanes 2 … <paramref name="lanes"/> their empty heads where missing (lane 1's comes with the schema).
    /// Lanes are never removed: a lane once used keeps its head, and a later start with fewer lanes leaves it as it is.
    /// </summary>
    public static async Task EnsureAsync(SkedDbContext db, int lanes, CancellationToken cancellationToken)
    {
        var existing = await db.ChainHead.Select(h => h.Id).ToListAsync(cancellationToken);
        var missing = Enumerable.Range(First + 1, Math.Max(0, lanes - First)).Except(existing).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var lane in missing)
        {
            // Two nodes starting together may both add a lane: the second one's insert finds it there.
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO audit_chain_head ("Id", "Seq", "Hash") VALUES ({lane}, {Start(lane)}, {AuditChain.Genesis()}) ON CONFLICT ("Id") DO NOTHING""",
                cancellationToken);
        }
    }
}
