using System.Text.Json;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Web.Features.Audit;

/// <summary>An audit event as auditors read it: its place in the chain, Jalali time, data as JSON.</summary>
[FeatureContract]
public sealed record AuditEventView(long Seq, long Id, DateTimeOffset At, string AtJalali, string Type, string Actor,
    string? TrackingCode, string? DefinitionId, int? DefinitionVersion, JsonElement Data, string? ClientAddress, string Hash)
{
    public static AuditEventView From(AuditEvent audit) => new(audit.Seq, audit.Id, audit.At, JalaliDate.Format(audit.At), audit.Type,
        audit.Actor, audit.TrackingCode, audit.DefinitionId, audit.DefinitionVersion, JsonSerializer.Deserialize<JsonElement>(audit.Data),
        audit.ClientAddress, AuditChain.Hex(audit.Hash));
}
