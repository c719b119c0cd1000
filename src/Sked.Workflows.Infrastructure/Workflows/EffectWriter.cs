using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.StaffNotices;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>
/// Turns the interpreter's effects into rows of the open transaction: tasks, timers (the due-timer
/// poller reads them from their table), audit events, notifications and FAQ counts. Nothing here commits.
/// </summary>
internal sealed class EffectWriter(UnitScope scope, CaseFile @case, WorkflowInstance instance, Actor actor, string mailDomain)
{
    private readonly SkedDbContext _db = scope.Db;
    private readonly DateTimeOffset _now = scope.Now;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether the outbox got a message to deliver once this commits.</summary>
    public bool WroteOutbox { get; private set; }

    /// <summary>Whom the bell rings for once this commits (logins and group keys).</summary>
    public List<string> Noticed { get; } = [];

    /// <summary>Whether the case's answer was published in this unit (counted in the metrics once it commits).</summary>
    public bool Answered { get; private set; }

    public string CaseType => @case.Type;

    /// <summary>The earliest timer scheduled, so the poller can be woken for it after commit.</summary>
    public DateTimeOffset? EarliestTimer { get; private set; }

    /// <summary>Applies the effects; returns a letter password if one was issued.</summary>
    public async Task<string?> ApplyAsync(IReadOnlyList<Effect> effects, CancellationToken cancellationToken)
    {
        string? password = null;
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case OpenTask open:
                    scope.Add(open.Task);
                    break;
                case CompleteTask complete:
                    await CompleteAsync(complete, cancellationToken);
                    break;
                case CancelTask cancel:
                    await UpdateTaskAsync(cancel.TaskId, t => t.Status = HumanTaskStatus.Cancelled, cancellationToken);
                    break;
                case ReassignTask reassign:
                    await ReassignAsync(reassign, cancellationToken);
                    Notice(StaffNoticeKinds.Escalated, StaffGroups.Of(reassign.CandidateRole, reassign.Department), reassign.TaskId,
                        Domain.Text.Catalogue.Render(StaffNoticeTexts.Escalated, @case.TrackingCode));
                    break;
                case ScheduleTimer schedule:
                    scope.Add(schedule.Timer);
                    EarliestTimer = EarliestTimer < schedule.Timer.DueAt ? EarliestTimer : schedule.Timer.DueAt;
                    break;
                case CancelTimers cancel:
                    await CancelTimersAsync(cancel.Activation, cancellationToken);
                    break;
                case AuditEffect audit:
                    Answered |= audit.Data is CaseStatusChanged { After: CaseStatuses.Answered };
                    Audit(audit.Data, audit.Actor);
                    break;
                case NotifyEffect { Channel: "email" } mail:
                    AddOutbox(OutboxKinds.Email, new NotificationMessage(mail.Recipient, mail.Text, @case.TrackingCode, QueueMail(mail)));
                    break;
                case NotifyEffect notify:
                    AddOutbox("notify." + notify.Channel, new NotificationMessage(notify.Recipient, notify.Text, @case.TrackingCode, Secret: notify.Secret));
                    break;
                case StaffNoticeEffect notice:
                    await NoticeAsync(notice, cancellationToken);
                    break;
                case FaqRepeatEffect faq:
                    await FaqCounting.CountAsync(_db, @case, faq, _now, Audit, cancellationToken);
                    break;
                case PasswordIssued issued:
                    password = issued.Password;
                    break;
            }
        }

        NoticeReturned(effects);
        instance.Version++;
        return password;
    }

    public void Audit(AuditEventData data) => Audit(data, actor.Name);

    private void Audit(AuditEventData data, string actorName) => scope.Audit(new AuditEvent(data, actorName)
    {
        At = _now,
        CaseId = @case.Id,
        TrackingCode = @case.TrackingCode,
        InstanceId = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersion = instance.DefinitionVersion,
        ClientAddress = actor.ClientAddress,
    });

    private void AddOutbox(string kind, object payload)
    {
        var row = new OutboxMessage
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = _now,
            AvailableAt = _now,
        };
        scope.Add(row);
        if (kind == OutboxKinds.Sms && payload is NotificationMessage sms)
        {
            // The SMS's state row (queued) commits with it, so the case page shows it from the start.
            scope.Add(SmsMessage.Queued(row.Id, @case.Id, sms.To, _now));
        }

        WroteOutbox = true;
    }

    /// <summary>Every mail out joins the case's mail thread with its Message-ID fixed now, so a reply to it finds the case.</summary>
    private Guid QueueMail(NotifyEffect mail)
    {
        var id = Guid.CreateVersion7();
        scope.Add(new CaseMail
        {
            Id = id,
            CaseId = @case.Id,
            Direction = MailDirection.Out,
            MessageId = MailIds.For(id, mailDomain),
            Address = mail.Recipient,
            DisplayName = @case.Citizen.Name,
            Subject = mail.Subject ?? Domain.Text.Catalogue.Render(OutboxTexts.DefaultSubject, @case.Subject),
            Text = mail.Text,
            At = _now,
            Disposition = MailDisposition.Queued,
        });
        return id;
    }

    /// <summary>Rings the bell of <paramref name="recipient"/> for this case.</summary>
    public void Notice(string kind, string recipient, Guid? taskId, string text)
    {
        scope.Add(new StaffNotice { Recipient = recipient, Kind = kind, Text = text, TrackingCode = @case.TrackingCode, TaskId = taskId, At = _now });
        Noticed.Add(recipient);
    }

    /// <summary>A notice about a task goes to whoever holds it, else to the group that may claim it.</summary>
    private async Task NoticeAsync(StaffNoticeEffect notice, CancellationToken cancellationToken)
    {
        var task = notice.TaskId is { } id ? await TaskAsync(id, cancellationToken) : null;
        var recipient = task is { IsActive: true, Assignee: { } holder } ? holder : notice.Recipient;
        Notice(notice.Kind, recipient, notice.TaskId, notice.Text);
    }

    /// <summary>A task completed with "return" opened another: its group hears that the work came back.</summary>
    private void NoticeReturned(IReadOnlyList<Effect> effects)
    {
        if (!effects.OfType<CompleteTask>().Any(c => c.Outcome == ReturnOutcome))
        {
            return;
        }

        foreach (var open in effects.OfType<OpenTask>())
        {
            Notice(StaffNoticeKinds.Returned, StaffGroups.Of(open.Task.CandidateRole, open.Task.Department), open.Task.Id,
                Domain.Text.Catalogue.Render(StaffNoticeTexts.Returned, open.Task.Title, @case.TrackingCode));
        }
    }

    /// <summary>The outcome the shipped workflows use to send a task back to the step before.</summary>
    private const string ReturnOutcome = "return";

    private Task CompleteAsync(CompleteTask complete, CancellationToken cancellationToken) =>
        UpdateTaskAsync(complete.TaskId, task =>
        {
            task.Status = HumanTaskStatus.Completed;
            task.Outcome = complete.Outcome;
            task.Data = new Dictionary<string, string>(complete.Data, StringComparer.Ordinal);
            task.CompletedAt = _now;
            task.CompletedBy = complete.Actor;
            task.Assignee ??= complete.Actor;
        }, cancellationToken);

    private Task ReassignAsync(ReassignTask reassign, CancellationToken cancellationToken) =>
        UpdateTaskAsync(reassign.TaskId, task =>
        {
            if (!task.IsActive)
            {
                return;
            }

            task.CandidateRole = reassign.CandidateRole;
            task.Department = reassign.Department;
            task.Assignee = null;
            task.Status = HumanTaskStatus.Open;
            task.EscalationLevel = reassign.EscalationLevel;
        }, cancellationToken);

    private async Task UpdateTaskAsync(Guid taskId, Action<HumanTask> change, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(taskId, cancellationToken);
        if (task is null)
        {
            return;
        }

        change(task);
        task.Version++;
    }

    // A task opened in this unit may be kept aside rather than tracked (UnitScope.CollectNewRows); Find sees the tracked ones.
    private async ValueTask<HumanTask?> TaskAsync(Guid id, CancellationToken cancellationToken) =>
        scope.KeptAside<HumanTask>().FirstOrDefault(t => t.Id == id) ?? await _db.Tasks.FindAsync([id], cancellationToken);

    private async Task CancelTimersAsync(int activation, CancellationToken cancellationToken)
    {
        var pending = await _db.Timers
            .Where(t => t.InstanceId == instance.Id && t.Activation == activation && t.Status == TimerStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var timer in pending.Where(t => t.Status == TimerStatus.Pending))
        {
            timer.Status = TimerStatus.Cancelled;
            Audit(new TimerCancelled(timer.Id, timer.Kind.ToString()));
        }
    }
}

/// <summary>
/// Outbox payload for a message to a person. <paramref name="Secret"/>: a part of the text (a letter's
/// password) that must not stay stored once the operator has accepted the message; it is redacted then.
/// </summary>
public sealed record NotificationMessage(string To, string Text, string TrackingCode, Guid? Mail = null, string? Secret = null);
