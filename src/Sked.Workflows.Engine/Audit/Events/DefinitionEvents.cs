using System.Text.Json.Serialization;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Workflow definitions: published versions and the designer's drafts.

/// <summary>A new version; <see cref="RestoredFrom"/> only when an earlier version was published again.</summary>
public sealed record DefinitionPublished(string Hash, string Source, int? Previous,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RestoredFrom = null) : AuditEventData
{
    public override Message Describe(IAuditNames names) => RestoredFrom is { } restored
        ? Message.Of("audit.part.restored", restored)
        : Sentence(Previous is { } previous ? previous : AuditText.Nothing);
}

public sealed record DefinitionDraftSaved(int BasedOnVersion, string Hash) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(BasedOnVersion);
}

public sealed record DefinitionDraftDiscarded(int BasedOnVersion, string Hash) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(BasedOnVersion);
}
