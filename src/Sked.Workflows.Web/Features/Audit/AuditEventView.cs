using System.Text.Json;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>
/// An audit event as auditors read it: its place in the chain, Jalali time, data as JSON — and every
/// field of the chain's canonical bytes exactly as hashed (<c>AtMicroseconds</c>, <c>CaseId</c>,
/// <c>InstanceId</c>, <c>DataText</c>: the stored text, where <c>Data</c> is re-serialised), so an
/// inspector holding the key can check each link from the export alone (docs/audit.md, the verifier).
/// </summary>
[FeatureContract]
public sealed record AuditEventView(long Seq, long Id, DateTimeOffset At, string AtJalali, string Type, string Actor,
    string? TrackingCode, string? DefinitionId, int? DefinitionVersion, JsonElement Data, string? ClientAddress, string Hash,
    long AtMicroseconds, Guid? CaseId, Guid? InstanceId, string DataText)
{
    public static AuditEventView From(AuditEvent audit) => new(audit.Seq, audit.Id, audit.At, JalaliDate.Format(audit.At), audit.Type,
        audit.Actor, audit.TrackingCode, audit.DefinitionId, audit.DefinitionVersion, JsonSerializer.Deserialize<JsonElement>(audit.Data),
        audit.ClientAddress, AuditChain.Hex(audit.Hash), audit.At.UtcTicks / 10, audit.CaseId, audit.InstanceId, audit.Data);
}
