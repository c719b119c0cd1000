using System.Collections.Frozen;
using System.Text.Json;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;

namespace Sked.Workflows.Engine.Audit;

/// <summary>
/// The catalogue of audit event types: every wire name (the <c>Type</c> column) beside its record and the
/// JSON style its data has always been written in. Writers hand a record to <see cref="Serialize"/>,
/// readers get the record back from <see cref="Read"/>; nobody spells a wire name anywhere else. The
/// Persian sentence of each type is <c>audit.&lt;wire name&gt;</c> in the catalogue.
/// </summary>
public static class AuditEvents
{
    /// <summary>Every event type, grouped as docs/audit.md lists them.</summary>
    public static readonly IReadOnlyList<AuditEventType> All =
    [
        // The instance and its steps (interpreter).
        Type<InstanceStarted>("instance.started", AuditJsonStyle.RelaxedWithoutNulls),
        Type<InstanceCompleted>("instance.completed", AuditJsonStyle.RelaxedWithoutNulls),
        Type<NodeEntered>("node.entered", AuditJsonStyle.RelaxedWithoutNulls),
        Type<NodeLeft>("node.left", AuditJsonStyle.RelaxedWithoutNulls),
        Type<NodeFailed>("node.failed", AuditJsonStyle.RelaxedWithoutNulls),
        Type<IncidentRaised>("incident.raised", AuditJsonStyle.RelaxedWithoutNulls),
        Type<IncidentRetried>("incident.retried", AuditJsonStyle.RelaxedWithoutNulls),

        // The case (nodes).
        Type<CaseReceived>("case.received", AuditJsonStyle.RelaxedWithoutNulls),
        Type<CaseStatusChanged>("case.status-changed", AuditJsonStyle.RelaxedWithoutNulls),
        Type<CaseFieldChanged>("case.field-changed", AuditJsonStyle.RelaxedWithoutNulls),
        Type<RoutingDecided>("routing.decided", AuditJsonStyle.RelaxedWithoutNulls),
        Type<DecisionTaken>("decision.taken", AuditJsonStyle.RelaxedWithoutNulls),
        Type<AnswerPublished>("answer.published", AuditJsonStyle.RelaxedWithoutNulls),
        Type<FaqCounted>("faq.counted", AuditJsonStyle.RelaxedWithoutNulls),
        Type<FaqPromoted>("faq.promoted", AuditJsonStyle.RelaxedWithNulls),
        Type<IdentityRead>("identity.read", AuditJsonStyle.Escaped),
        Type<LetterPasswordReissued>("letter.password-reissued", AuditJsonStyle.Escaped),

        // Duplicate cases across channels (the e-desk merges them).
        Type<CaseMerged>("case.merged", AuditJsonStyle.Escaped),
        Type<DuplicateLinked>("case.duplicate-linked", AuditJsonStyle.Escaped),
        Type<DuplicateTaskClosed>("case.duplicate-task-closed", AuditJsonStyle.Escaped),
        // The FAQ (curation page and API, the e-desk's confirmation, the promoteToFaq node's proposal).
        Type<FaqCreated>("faq.created", AuditJsonStyle.Escaped),
        Type<FaqEdited>("faq.edited", AuditJsonStyle.Escaped),
        Type<FaqPublished>("faq.published", AuditJsonStyle.Escaped),
        Type<FaqUnpublished>("faq.unpublished", AuditJsonStyle.Escaped),
        Type<FaqMerged>("faq.merged", AuditJsonStyle.Escaped),
        Type<FaqDeleted>("faq.deleted", AuditJsonStyle.Escaped),
        Type<FaqRepeatConfirmed>("faq.repeat-confirmed", AuditJsonStyle.Escaped),
        Type<FaqProposed>("faq.proposed", AuditJsonStyle.Escaped),
        // The synonym table of the Persian analysis (the FAQ's curators).
        Type<SynonymGroupAdded>("synonym.group-added", AuditJsonStyle.Escaped),
        Type<SynonymGroupEdited>("synonym.group-edited", AuditJsonStyle.Escaped),
        Type<SynonymGroupRemoved>("synonym.group-removed", AuditJsonStyle.Escaped),

        // Tasks (human-task node; staff through the task use cases).
        Type<TaskOpened>("task.opened", AuditJsonStyle.RelaxedWithoutNulls),
        Type<TaskClaimed>("task.claimed", AuditJsonStyle.RelaxedWithNulls),
        Type<TaskReleased>("task.released", AuditJsonStyle.RelaxedWithNulls),
        Type<TaskAssigned>("task.assigned", AuditJsonStyle.RelaxedWithNulls),
        Type<TaskCompleted>("task.completed", AuditJsonStyle.RelaxedWithoutNulls),
        Type<EscalationReminded>("escalation.reminded", AuditJsonStyle.RelaxedWithoutNulls),
        Type<EscalationReassigned>("escalation.reassigned", AuditJsonStyle.RelaxedWithoutNulls),

        // Timers.
        Type<TimerScheduled>("timer.scheduled", AuditJsonStyle.RelaxedWithoutNulls),
        Type<TimerFired>("timer.fired", AuditJsonStyle.RelaxedWithoutNulls),
        Type<TimerCancelled>("timer.cancelled", AuditJsonStyle.RelaxedWithNulls),

        // Notifications.
        Type<NotificationQueued>("notification.queued", AuditJsonStyle.RelaxedWithoutNulls),
        Type<NotificationSkipped>("notification.skipped", AuditJsonStyle.RelaxedWithoutNulls),
        Type<NotificationSent>("notification.sent", AuditJsonStyle.Escaped),
        Type<OutboxMessageRetried>("outbox.retried", AuditJsonStyle.Escaped),
        Type<OutboxMessageCancelled>("outbox.cancelled", AuditJsonStyle.Escaped),
        Type<CitizenMessageReceived>("citizen.message-received", AuditJsonStyle.Escaped),
        Type<EmailUndeliverable>("mail.undeliverable", AuditJsonStyle.Escaped),
        Type<AcknowledgementSuppressed>("mail.ack-suppressed", AuditJsonStyle.Escaped),
        Type<SmsStateChanged>("sms.state-changed", AuditJsonStyle.Escaped),

        // Definitions (catalogue and designer).
        Type<DefinitionPublished>("definition.published", AuditJsonStyle.Escaped),
        Type<DefinitionDraftSaved>("definition.draft-saved", AuditJsonStyle.Escaped),
        Type<DefinitionDraftDiscarded>("definition.draft-discarded", AuditJsonStyle.Escaped),

        // Staff and departments (administration, sign-in).
        Type<DepartmentCreated>("department.created", AuditJsonStyle.Escaped),
        Type<StaffCreated>("staff.created", AuditJsonStyle.Escaped),
        Type<StaffRolesChanged>("staff.roles-changed", AuditJsonStyle.Escaped),
        Type<StaffLoggedIn>("staff.login", AuditJsonStyle.Escaped),
        Type<StaffLoginFailed>("staff.login-failed", AuditJsonStyle.Escaped),

        // The working calendar (administration) and the deadlines it moves (issue 15).
        Type<CalendarWeekChanged>("calendar.week-changed", AuditJsonStyle.Escaped),
        Type<HolidaySaved>("calendar.holiday-saved", AuditJsonStyle.Escaped),
        Type<HolidayRemoved>("calendar.holiday-removed", AuditJsonStyle.Escaped),
        Type<ClosureAdded>("calendar.closure-added", AuditJsonStyle.Escaped),
        Type<ClosureRemoved>("calendar.closure-removed", AuditJsonStyle.Escaped),
        Type<CalendarImported>("calendar.imported", AuditJsonStyle.Escaped),
        Type<DeadlineMoved>("deadline.moved", AuditJsonStyle.Escaped),
        Type<ClockPaused>("clock.paused", AuditJsonStyle.Escaped),
        Type<ClockResumed>("clock.resumed", AuditJsonStyle.Escaped),
        Type<EscalatedToCeoOffice>("escalation.ceo-office", AuditJsonStyle.Escaped),
    ];

    private static readonly FrozenDictionary<Type, AuditEventType> ByRecord = All.ToFrozenDictionary(t => t.Record);
    private static readonly FrozenDictionary<string, AuditEventType> ByName = All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The wire name of a record type, e.g. NameOf&lt;TaskClaimed&gt;() is "task.claimed".</summary>
    public static string NameOf<T>() where T : AuditEventData => Of(typeof(T)).Name;

    public static string NameOf(AuditEventData data) => Of(data.GetType()).Name;

    /// <summary>The catalogue code of the type's sentence: audit.&lt;wire name&gt;.</summary>
    public static string Code(AuditEventData data) => Of(data.GetType()).Code;

    /// <summary>The event's data exactly as it is stored and hashed.</summary>
    public static string Serialize(AuditEventData data)
    {
        var type = Of(data.GetType());
        return JsonSerializer.Serialize(data, type.Record, AuditJson.Options(type.Style));
    }

    /// <summary>A stored event's data as its record; null for a type the catalogue does not know or data it cannot read.</summary>
    public static AuditEventData? Read(string type, string data)
    {
        if (!ByName.TryGetValue(type, out var known))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(data, known.Record, AuditJson.Options(known.Style)) as AuditEventData;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsKnown(string type) => ByName.ContainsKey(type);

    /// <summary>The short Persian title of a wire name, for filters and event lists; an unknown type is shown as it is.</summary>
    public static string Title(string type) =>
        ByName.TryGetValue(type, out var known) ? Catalogue.Text(known.TitleCode) : type;

    private static AuditEventType Of(Type record) => ByRecord.TryGetValue(record, out var type)
        ? type
        : throw new InvalidOperationException($"{record.Name} is not in the audit event catalogue (AuditEvents.All).");

    private static AuditEventType Type<T>(string name, AuditJsonStyle style) where T : AuditEventData => new(name, typeof(T), style);
}

/// <summary>One row of the catalogue: the wire name, the record, the JSON style of its stored data.</summary>
public sealed record AuditEventType(string Name, Type Record, AuditJsonStyle Style)
{
    public string Code => "audit." + Name;

    /// <summary>The catalogue code of the type's short title: auditType.&lt;wire name&gt;.</summary>
    public string TitleCode => "auditType." + Name;
}
