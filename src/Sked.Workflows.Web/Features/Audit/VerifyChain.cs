using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// GET /api/v1/audit/verify (Auditor): recomputes every link of the audit hash chain and names the first
/// event that does not hold → <c>{valid, events, firstBroken: {seq, id, reason} | null, heads: [{lane, seq, hash, events}]}</c>,
/// a head per lane of the chain (docs/adr/0007; one on SQLite).
/// </summary>
public static class VerifyChain
{
    public sealed record HeadView(int Lane, long Seq, string Hash, long Events);

    public sealed record Response(bool Valid, long Events, ChainBreak? FirstBroken, IReadOnlyList<HeadView> Heads)
    {
        public static Response From(ChainVerification result) =>
            new(result.Valid, result.Events, result.FirstBroken, result.Heads.Select(h => new HeadView(h.Lane, h.Seq, h.Hash, h.Verified)).ToList());
    }

    public static RouteGroupBuilder MapVerifyChain(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", async (AuditChainVerifier verifier, CancellationToken cancellationToken) =>
                Results.Ok(Response.From(await verifier.VerifyAsync(anchors: null, cancellationToken))))
            .RequireAuthorization(Policies.Auditor)
            .WithTags("Audit")
            .Produces<Response>();
        return api;
    }
}
