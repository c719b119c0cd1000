using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// The FAQ: staff's curation, the e-desk's confirmed repeats, proposals at the workflow's threshold.

/// <summary>A staff member wrote a new entry; <paramref name="Published"/>: it went out at once.</summary>
public sealed record FaqCreated(Guid Faq, string Question, bool Published) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Question);
}

/// <summary>An entry's question, answer, category or alternative wordings changed; the question before and after.</summary>
public sealed record FaqEdited(Guid Faq, string Before, string After) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(After);
}

public sealed record FaqPublished(Guid Faq, string Question) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Question);
}

public sealed record FaqUnpublished(Guid Faq, string Question) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Question);
}

/// <summary>An entry folded into another: its question and wordings became alternatives, its counts were added.</summary>
public sealed record FaqMerged(Guid Faq, string Question, Guid Into, string IntoQuestion) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Question, IntoQuestion);
}

public sealed record FaqDeleted(Guid Faq, string Question) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Question);
}

/// <summary>The e-desk confirmed a public question as a repeat of an entry; its wording was kept as an alternative.</summary>
public sealed record FaqRepeatConfirmed(Guid Faq, int Repeats) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Repeats);
}

/// <summary>A question reached the workflow's number of repeats: proposed for a person to edit and publish.</summary>
public sealed record FaqProposed(Guid Faq, int Repeats) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Repeats);
}
