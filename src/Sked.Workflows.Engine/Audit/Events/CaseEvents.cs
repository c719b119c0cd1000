using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit.Events;

// Changes to the case file that nodes record.

public sealed record CaseReceived(string TrackingCode, string Type, bool PasswordIssued) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("caseType", Type));
}

public sealed record CaseStatusChanged(string Before, string After, string? Detail) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("status", Before), AuditText.Label("status", After));
}

/// <summary>A task's form field bound to the case (its department or category) changed it.</summary>
public sealed record CaseFieldChanged(string Field, string? Before, string After) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("binding", Field), Value(Before, names), Value(After, names));

    private string Value(string? value, IAuditNames names) =>
        string.IsNullOrEmpty(value) ? AuditText.Nothing : Field == "case.department" ? names.Department(value) : value;
}

public sealed record RoutingDecided(string? Before, string Department, string Reason) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(names.Department(Department));
}

public sealed record DecisionTaken(DecisionRule Rule, string Outcome) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) =>
        Sentence(Outcome, Rule.Number is { } number ? number : Message.Of("audit.part.default-rule"));
}

public sealed record AnswerPublished(int Length) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}

public sealed record FaqCounted(int Threshold) : NodeAuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence();
}

/// <summary>Written by the effect writer when a question's repeats reach the threshold.</summary>
public sealed record FaqPromoted(Guid Faq, int Repeats) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Repeats);
}

/// <summary>A staff member saw the identity of an anonymous reporter.</summary>
public sealed record IdentityRead(string? Role) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(AuditText.Label("role", Role));
}

/// <summary>The secretariat issued a letter a new password (the old one stops working); <paramref name="Sent"/>: it went to the sender by SMS. The password itself is never logged.</summary>
public sealed record LetterPasswordReissued(bool Sent) : AuditEventData
{
    public override Message Describe(IAuditNames names) => Sentence(Message.Of(Sent ? "audit.part.password-sent" : "audit.part.password-not-sent"));
}
