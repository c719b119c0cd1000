using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// The synonym table of the Persian analysis, edited by the FAQ's curators (page or API). Words are a group's
// words as written, the term first; Version is the table's version after the change.

/// <summary>A new group of words folded to one term.</summary>
public sealed record SynonymGroupAdded(long Group, IReadOnlyList<string> Words, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(string.Join(" / ", Words));
}

/// <summary>A group's words changed; before and after.</summary>
public sealed record SynonymGroupEdited(long Group, IReadOnlyList<string> Before, IReadOnlyList<string> After, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(string.Join(" / ", Before), string.Join(" / ", After));
}

/// <summary>A group removed: its words are no longer folded together.</summary>
public sealed record SynonymGroupRemoved(long Group, IReadOnlyList<string> Words, int Version) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(string.Join(" / ", Words));
}
