using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Runtime;

/// <summary>
/// What applying a signal asks the store to write, beside the case and instance rows. Effects are
/// data, so the interpreter is tested without a database and the store commits them all at once.
/// </summary>
public abstract record Effect;

public sealed record OpenTask(HumanTask Task) : Effect;

public sealed record CompleteTask(Guid TaskId, string Outcome, IReadOnlyDictionary<string, string> Data, string Actor) : Effect;

public sealed record CancelTask(Guid TaskId) : Effect;

/// <summary>Escalation moved a task to other candidates (the department head); the assignee is cleared.</summary>
public sealed record ReassignTask(Guid TaskId, string CandidateRole, string? Department, int EscalationLevel) : Effect;

public sealed record ScheduleTimer(WorkflowTimer Timer) : Effect;

/// <summary>Cancels every pending timer of one activation (the node was left).</summary>
public sealed record CancelTimers(int Activation) : Effect;

/// <summary>An audit event; the store adds time, case, version and client address.</summary>
public sealed record AuditEffect(AuditEventData Data, string Actor) : Effect
{
    /// <summary>The event's wire name, from the catalogue.</summary>
    public string Type => AuditEvents.NameOf(Data);
}

/// <summary>
/// A message to deliver after commit (SMS, e-mail, staff reminder); an e-mail may have its own subject.
/// <paramref name="Secret"/> is a part of the text (a letter's password) the outbox must not keep once the message is accepted.
/// </summary>
public sealed record NotifyEffect(string Channel, string Recipient, string Text, string? Subject = null, string? Secret = null) : Effect;

/// <summary>
/// A line in staff's bell (Engine/Tasks/StaffNoticeKinds): to <paramref name="Recipient"/> (a login or a group key),
/// or, when <paramref name="TaskId"/> names a task someone holds, to its holder.
/// </summary>
public sealed record StaffNoticeEffect(string Kind, string Recipient, string Text, Guid? TaskId = null) : Effect;

/// <summary>A public question was answered; count it and propose it for the FAQ at the threshold (<paramref name="Question"/> is the citizen's subject, kept internal).</summary>
public sealed record FaqRepeatEffect(string QuestionKey, string Question, string Answer, int Threshold) : Effect;

/// <summary>A letter's password, shown once to the secretariat and stored only as a hash.</summary>
public sealed record PasswordIssued(string Password) : Effect;
