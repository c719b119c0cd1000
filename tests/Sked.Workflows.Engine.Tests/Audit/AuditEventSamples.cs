using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;

namespace Sked.Workflows.Engine.Tests.Audit;

/// <summary>
/// One or more events of every catalogued type, each beside the JSON the code before the catalogue wrote
/// for the same values: an anonymous object through the same path and options that writer used. Values
/// are chosen to tell the styles apart: Persian text and &lt; &amp; (escaping), nulls (left out or written).
/// </summary>
public static class AuditEventSamples
{
    private const string Node = "edesk-review";
    private const string Persian = "برق <خیابان> & کوچه قطع است";
    private static readonly Guid Id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly DateTimeOffset Due = new(2026, 12, 6, 10, 30, 15, 123, TimeSpan.FromHours(3.5));

    // The engine's options: the interpreter serialised to a JsonObject with these, the effect writer wrote
    // the object out with its own options; a node's events had the node's id appended last.
    private static readonly JsonSerializerOptions EngineOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions WriterOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<(AuditEventData Event, string Before)> All() =>
    [
        (new InstanceStarted("complaint", 3), FromEngine(new { definition = "complaint", version = 3 })),
        (new InstanceCompleted("end-answered"), FromEngine(new { node = "end-answered" })),
        (new InstanceCompleted(null), FromEngine(new { node = (string?)null })),
        (new NodeEntered(Node, "humanTask", 2), FromEngine(new { node = Node, type = "humanTask", activation = 2 })),
        (new NodeLeft(Node, "route"), FromEngine(new { node = Node, outcome = "route" })),
        (new NodeLeft(Node, null), FromEngine(new { node = Node, outcome = (string?)null })),
        (new NodeFailed(Node, 2, Persian), FromEngine(new { node = Node, attempt = 2, error = Persian })),
        (new IncidentRaised(Node, 3, "no connection from 'a' for outcome 'b'."), FromEngine(new { node = Node, attempts = 3, error = "no connection from 'a' for outcome 'b'." })),
        (new IncidentRetried(3, null), FromEngine(new { attempts = 3, error = (string?)null })),
        (new IncidentRetried(3, Persian), FromEngine(new { attempts = 3, error = Persian })),
        (new TimerFired(Id, "Escalation", 1, Node), FromEngine(new { timer = Id, kind = "Escalation", step = 1, node = Node })),

        (At(new CaseReceived("ABC-1234", "complaint", true)), FromNode(new { trackingCode = "ABC-1234", type = "complaint", passwordIssued = true })),
        (At(new CaseStatusChanged("received", "in-review", null)), FromNode(new { before = "received", after = "in-review", detail = (string?)null })),
        (At(new CaseStatusChanged("received", "referred", Persian)), FromNode(new { before = "received", after = "referred", detail = Persian })),
        (At(new CaseFieldChanged("case.department", null, "billing")), FromNode(new { field = "case.department", before = (string?)null, after = "billing" })),
        (At(new RoutingDecided(null, "billing", Persian)), FromNode(new { before = (string?)null, department = "billing", reason = Persian })),
        (At(new DecisionTaken(new DecisionRule(2), "hazard")), FromNode(new { rule = 2, outcome = "hazard" })),
        (At(new DecisionTaken(DecisionRule.Default, "other")), FromNode(new { rule = "default", outcome = "other" })),
        (At(new AnswerPublished(412)), FromNode(new { length = 412 })),
        (At(new FaqCounted(3)), FromNode(new { threshold = 3 })),
        (At(new TaskOpened(Id, "Department", "billing", Due)), FromNode(new { task = Id, role = "Department", department = "billing", dueAt = (DateTimeOffset?)Due })),
        (At(new TaskOpened(Id, "EDesk", null, null)), FromNode(new { task = Id, role = "EDesk", department = (string?)null, dueAt = (DateTimeOffset?)null })),
        (At(new TaskCompleted(Id, "answer", new Dictionary<string, string> { ["answer"] = Persian, ["department"] = "billing" })),
            FromNode(new { task = Id, outcome = "answer", data = new Dictionary<string, string> { ["answer"] = Persian, ["department"] = "billing" } })),
        (At(new TaskCompleted(Id, "done", new Dictionary<string, string>())), FromNode(new { task = Id, outcome = "done", data = new Dictionary<string, string>() })),
        (At(new EscalationReminded(Id, 0)), FromNode(new { task = Id, step = 0 })),
        (At(new EscalationReassigned(Id, 1, "DepartmentHead", null)), FromNode(new { task = Id, step = 1, role = "DepartmentHead", department = (string?)null })),
        (At(new EscalationReassigned(Id, 1, "DepartmentHead", "billing")), FromNode(new { task = Id, step = 1, role = "DepartmentHead", department = "billing" })),
        (At(new TimerScheduled(Id, "wait", null, Due)), FromNode(new { timer = Id, kind = "wait", dueAt = Due })),
        (At(new TimerScheduled(Id, "escalation", 0, Due)), FromNode(new { timer = Id, kind = "escalation", step = 0, dueAt = Due })),
        (At(new NotificationQueued("sms", "citizen")), FromNode(new { channel = "sms", to = "citizen" })),
        (At(new NotificationSkipped("email", NotificationSkipped.NoAddress)), FromNode(new { channel = "email", reason = "no address" })),

        (new TaskClaimed(Id, Node, "staff.billing", "Claimed"), FromWriter(new { task = Id, node = Node, assignee = "staff.billing", status = "Claimed" })),
        (new TaskClaimed(Id, Node, "staff.billing"), FromWriter(new { task = Id, node = Node, assignee = "staff.billing" })),
        (new TaskClaimed(Id, Node, null), FromWriter(new { task = Id, node = Node, assignee = (string?)null })),
        (new TaskReleased(Id, Node, null, "Open"), FromWriter(new { task = Id, node = Node, assignee = (string?)null, status = "Open" })),
        (new TaskAssigned(Id, Node, "staff.billing", "Claimed"), FromWriter(new { task = Id, node = Node, assignee = "staff.billing", status = "Claimed" })),
        (new TimerCancelled(Id, "Sla"), FromWriter(new { timer = Id, kind = "Sla" })),
        (new FaqPromoted(Id, 3), FromWriter(new { faq = Id, repeats = 3 })),

        (new DefinitionPublished("ab12", "designer", 2), Plain(new { hash = "ab12", source = "designer", previous = (int?)2 })),
        (new DefinitionPublished("ab12", "file", null), Plain(new { hash = "ab12", source = "file", previous = (int?)null })),
        (new DefinitionPublished("ab12", "designer", 4, 2), Plain(new { hash = "ab12", source = "designer", previous = (int?)4, restoredFrom = 2 })),
        (new DefinitionDraftSaved(3, "ab12"), Plain(new { basedOnVersion = 3, hash = "ab12" })),
        (new DefinitionDraftDiscarded(3, "ab12"), Plain(new { basedOnVersion = 3, hash = "ab12" })),
        (new NotificationSent(Id, "sms", 1), Plain(new { message = Id, channel = "sms", attempts = 1 })),
        (new OutboxMessageRetried(Id, "notify.sms", 10), Plain(new { message = Id, kind = "notify.sms", attempts = 10 })),
        (new OutboxMessageCancelled(Id, "notify.email", 2), Plain(new { message = Id, kind = "notify.email", attempts = 2 })),
        (new CitizenMessageReceived(Id, "email"), Plain(new { mail = Id, channel = "email" })),
        (new EmailUndeliverable(Id), Plain(new { mail = Id })),
        (new AcknowledgementSuppressed(Id, "too-many"), Plain(new { mail = Id, reason = "too-many" })),
        (new SmsStateChanged(Id, "undelivered"), Plain(new { message = Id, state = "undelivered" })),
        (new IdentityRead("DepartmentHead"), Plain(new { role = "DepartmentHead" })),
        (new IdentityRead(null), Plain(new { role = (string?)null })),
        (new LetterPasswordReissued(true), Plain(new { sent = true })),
        (new CaseMerged(Id, "12345678901234"), Plain(new { into = Id, intoTrackingCode = "12345678901234" })),
        (new DuplicateLinked(Id, "12345678901234"), Plain(new { duplicate = Id, duplicateTrackingCode = "12345678901234" })),
        (new DuplicateTaskClosed(Id, Node, "edesk"), Plain(new { task = Id, node = Node, assignee = "edesk" })),
        (new DuplicateTaskClosed(Id, Node, null), Plain(new { task = Id, node = Node, assignee = (string?)null })),
        (new FaqCreated(Id, Persian, true), Plain(new { faq = Id, question = Persian, published = true })),
        (new FaqEdited(Id, Persian, "قبض المثنی"), Plain(new { faq = Id, before = Persian, after = "قبض المثنی" })),
        (new FaqPublished(Id, Persian), Plain(new { faq = Id, question = Persian })),
        (new FaqUnpublished(Id, Persian), Plain(new { faq = Id, question = Persian })),
        (new FaqMerged(Id, Persian, Id, "قبض المثنی"), Plain(new { faq = Id, question = Persian, into = Id, intoQuestion = "قبض المثنی" })),
        (new FaqDeleted(Id, Persian), Plain(new { faq = Id, question = Persian })),
        (new FaqRepeatConfirmed(Id, 2), Plain(new { faq = Id, repeats = 2 })),
        (new FaqProposed(Id, 3), Plain(new { faq = Id, repeats = 3 })),
        (new SynonymGroupAdded(7, ["سرقت", "دزدی & <ربودن>"], 2), Plain(new { group = 7L, words = new List<string> { "سرقت", "دزدی & <ربودن>" }, version = 2 })),
        (new SynonymGroupEdited(7, ["سرقت", "دزدی"], ["سرقت", "دزدی", "قطع برق"], 3),
            Plain(new { group = 7L, before = new List<string> { "سرقت", "دزدی" }, after = new List<string> { "سرقت", "دزدی", "قطع برق" }, version = 3 })),
        (new SynonymGroupRemoved(7, ["سرقت", "دزدی"], 4), Plain(new { group = 7L, words = new List<string> { "سرقت", "دزدی" }, version = 4 })),
        (new DepartmentCreated("water", "آب & <فاضلاب>"), Plain(new { code = "water", name = "آب & <فاضلاب>" })),
        (new StaffCreated("staff.water", "water", ["Department", "Auditor"]), Plain(new { user = "staff.water", department = "water", roles = new List<string> { "Department", "Auditor" } })),
        (new StaffCreated("admin2", null, []), Plain(new { user = "admin2", department = (string?)null, roles = Array.Empty<string>() })),
        (new StaffRolesChanged("staff.water", new StaffPlacement(["Department"], "water"), new StaffPlacement(["DepartmentHead", "Auditor"], null)),
            Plain(new { user = "staff.water", before = new { roles = new List<string> { "Department" }, department = (string?)"water" }, after = new { roles = new List<string> { "DepartmentHead", "Auditor" }, department = (string?)null } })),
        (new StaffLoggedIn(), "{}"),
        (new StaffLoginFailed("wrong-password"), Plain(new { reason = "wrong-password" })),
        (new CalendarWeekChanged("WWWWWOO", "WWWWWHO", "07:30-14:30", "07:30-14:30/11:00", 3),
            Plain(new { weekBefore = "WWWWWOO", weekAfter = "WWWWWHO", hoursBefore = "07:30-14:30", hoursAfter = "07:30-14:30/11:00", version = 3 })),
        (new HolidaySaved("2026-03-21", "نوروز & <عید>", true, null, 2), Plain(new { date = "2026-03-21", title = "نوروز & <عید>", confirmed = true, titleBefore = (string?)null, version = 2 })),
        (new HolidayRemoved("2026-03-21", "نوروز", 2), Plain(new { date = "2026-03-21", title = "نوروز", version = 2 })),
        (new ClosureAdded("2026-07-25", "2026-07-26", Persian, 4), Plain(new { from = "2026-07-25", to = "2026-07-26", reason = Persian, version = 4 })),
        (new ClosureRemoved("2026-07-25", "2026-07-26", Persian, 5), Plain(new { from = "2026-07-25", to = "2026-07-26", reason = Persian, version = 5 })),
        (new CalendarImported(28, 1, 6), Plain(new { holidays = 28, closures = 1, version = 6 })),
        (new DeadlineMoved("task", Id, Due, Due.AddDays(2), "closure", Persian, 4) { Node = Node },
            Plain(new { what = "task", id = (Guid?)Id, before = Due, after = Due.AddDays(2), reason = "closure", detail = Persian, calendarVersion = 4, node = Node })),
        (new ClockPaused(Persian) { Node = Node }, Plain(new { question = Persian, node = Node })),
        (new ClockResumed(Due, "replied") { Node = Node }, Plain(new { pausedAt = Due, why = "replied", node = Node })),
        (new EscalatedToCeoOffice(Id, 2) { Node = Node }, Plain(new { task = Id, step = 2, node = Node })),
    ];

    /// <summary>An event as a node records it: the engine adds the node's id.</summary>
    private static NodeAuditEventData At(NodeAuditEventData data) => data with { Node = Node };

    private static string FromEngine(object data) =>
        (JsonSerializer.SerializeToNode(data, EngineOptions) as JsonObject ?? []).ToJsonString(WriterOptions);

    private static string FromNode(object data)
    {
        var json = JsonSerializer.SerializeToNode(data, EngineOptions) as JsonObject ?? [];
        json["node"] = Node;
        return json.ToJsonString(WriterOptions);
    }

    private static string FromWriter(object data) => JsonSerializer.Serialize(data, WriterOptions);

    private static string Plain(object data) => JsonSerializer.Serialize(data);
}
