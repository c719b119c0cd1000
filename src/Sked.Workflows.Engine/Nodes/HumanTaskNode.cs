using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Waits for a person: opens a task for a candidate role (and department), with a due date from the
/// SLA and escalation timers; finishes with the outcome the person chose.
/// </summary>
public sealed class HumanTaskNode : NodeType<HumanTaskNode.Props>
{
    public const string TypeName = "humanTask";

    /// <summary>candidateDepartment value meaning "the department the case is routed to".</summary>
    public const string RoutedDepartment = "routed";

    public override string Name => TypeName;


    protected override Props Starter => new()
    {
        Title = Catalogue.Text("starter.humanTask.title"),
        CandidateRole = Roles.EDesk,
        Outcomes = [new("done", Catalogue.Text("starter.humanTask.done"))],
        Sla = "P1D",
    };

    protected override IReadOnlyList<string> Outcomes(Props properties) => properties.Outcomes.Select(o => o.Name).ToList();

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (Roles.IsDepartmental(properties.CandidateRole) && properties.CandidateDepartment is null)
        {
            check.Error(DefinitionErrors.RoleNeedsDepartment, Message.Of("role." + properties.CandidateRole));
        }

        if (properties.CandidateDepartment is not RoutedDepartment)
        {
            check.Department(properties.CandidateDepartment, PropertyValues.Name("candidateDepartment"));
        }

        ValidateOutcomes(properties, check);
        ValidateEscalation(properties, check);
        Deadlines.CheckPlain(properties.Sla, "sla", check);
    }

    private static void ValidateOutcomes(Props properties, NodeCheck check)
    {
        if (properties.Outcomes.Count == 0)
        {
            check.Error(DefinitionErrors.TaskWithoutOutcomes);
        }

        foreach (var duplicate in properties.Outcomes.GroupBy(o => o.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            check.Error(DefinitionErrors.OutcomeListedTwice, duplicate.Key);
        }

        var names = properties.Outcomes.Select(o => o.Name).ToList();
        foreach (var field in properties.Form)
        {
            field.Validate(check, names);
        }

        foreach (var duplicate in properties.Form.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            check.Error(DefinitionErrors.FormFieldListedTwice, duplicate.Key);
        }
    }

    private static void ValidateEscalation(Props properties, NodeCheck check)
    {
        foreach (var step in properties.Escalation)
        {
            if (step.Action == EscalationStep.ReassignToHead && properties.CandidateDepartment is null)
            {
                check.Error(DefinitionErrors.ReassignNeedsDepartment);
            }

            if (properties.Sla is null && EscalationTimes.NeedsDeadline(step.After))
            {
                check.Error(DefinitionErrors.EscalationNeedsSla);
            }
        }
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var department = properties.CandidateDepartment == RoutedDepartment ? context.Case.Department : properties.CandidateDepartment;
        if (properties.CandidateDepartment is not null && string.IsNullOrEmpty(department))
        {
            throw new NodeFailureException("the case has no department to offer the task to; route it first.");
        }

        var task = new HumanTask
        {
            InstanceId = context.Instance.Id,
            CaseId = context.Case.Id,
            TrackingCode = context.Case.TrackingCode,
            CaseType = context.Case.Type,
            NodeId = context.Node.Id,
            Activation = context.Instance.Activation,
            Title = properties.Title,
            CandidateRole = properties.CandidateRole,
            Department = department,
            CreatedAt = context.Now,
            DueAt = properties.Sla is null ? null : context.DueAt(properties.Sla),
            SlaRule = properties.Sla,
            CalendarVersion = properties.Sla is null ? null : context.CalendarVersion,
        };
        context.Emit(new OpenTask(task));
        context.Audit(new TaskOpened(task.Id, task.CandidateRole, department, task.DueAt));
        ScheduleEscalations(context, properties, task);
        if (properties.Status is not null)
        {
            context.ChangeStatus(properties.Status, properties.Status == CaseStatuses.Referred ? context.DepartmentName(department) : null);
        }

        // A workflow that promises its own answer date keeps it; otherwise the latest task deadline is the best guess.
        if (context.Case.AnswerRule is null && task.DueAt is { } due && (context.Case.ExpectedAnswerAt is null || due > context.Case.ExpectedAnswerAt))
        {
            context.Case.ExpectedAnswerAt = due;
        }

        return NodeStep.Wait;
    }

    private static void ScheduleEscalations(NodeContext context, Props properties, HumanTask task)
    {
        for (var i = 0; i < properties.Escalation.Count; i++)
        {
            var after = properties.Escalation[i].After;
            if (EscalationTimes.DueAt(after, context.Now, properties.Sla, task.DueAt, context.Environment.Calendar) is not { } dueAt)
            {
                continue;
            }

            var timer = new WorkflowTimer
            {
                InstanceId = context.Instance.Id,
                Activation = context.Instance.Activation,
                NodeId = context.Node.Id,
                Kind = TimerKind.Escalation,
                Step = i,
                TaskId = task.Id,
                DueAt = dueAt,
                Rule = after,
                CalendarVersion = context.CalendarVersion,
                CreatedAt = context.Now,
            };
            context.Emit(new ScheduleTimer(timer));
            context.Audit(new TimerScheduled(timer.Id, "escalation", i, timer.DueAt));
        }
    }

    protected override NodeStep OnSignal(NodeContext context, Props properties, Signal signal) => signal switch
    {
        TaskCompletedSignal completed => Complete(context, properties, completed),
        TimerDueSignal { Timer.Kind: TimerKind.Escalation } due => Escalate(context, properties, due.Timer),
        _ => throw new NodeFailureException($"a human task does not handle {signal.GetType().Name}."),
    };

    private static NodeStep Complete(NodeContext context, Props properties, TaskCompletedSignal signal)
    {
        var errors = new FieldErrors();
        if (!properties.Outcomes.Exists(o => o.Name == signal.Outcome))
        {
            errors.Add("outcome", TaskFormErrors.UnknownOutcome, signal.Outcome, string.Join(", ", properties.Outcomes.Select(o => o.Name)));
            return NodeStep.Reject(errors.ToMessages());
        }

        foreach (var unknown in signal.Data.Keys.Where(k => !properties.Form.Exists(f => f.Name == k)))
        {
            errors.Add("data." + unknown, TaskFormErrors.NotInForm);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in properties.Form)
        {
            var (value, error) = field.Read(signal.Data.GetValueOrDefault(field.Name), signal.Outcome, context.Environment.Departments);
            if (error is not null)
            {
                errors.Add("data." + field.Name, error);
            }
            else if (value is not null)
            {
                values[field.Name] = value;
            }
        }

        if (errors.Any)
        {
            return NodeStep.Reject(errors.ToMessages());
        }

        ApplyValues(context, properties, values);
        context.Emit(new CompleteTask(signal.Task.Id, signal.Outcome, values, signal.Actor));
        context.Audit(new TaskCompleted(signal.Task.Id, signal.Outcome, values));
        return NodeStep.Continue(signal.Outcome);
    }

    private static void ApplyValues(NodeContext context, Props properties, Dictionary<string, string> values)
    {
        // A field left empty this time must not carry a value from an earlier visit (an old answer).
        foreach (var field in properties.Form.Where(f => !values.ContainsKey(f.Name)))
        {
            context.Instance.Variables.Remove(field.Name);
        }

        foreach (var (name, value) in values)
        {
            context.Instance.Variables[name] = value;
            var field = properties.Form.Find(f => f.Name == name)!;
            if (field.Bind is not null)
            {
                var before = field.Bind == "case.department" ? context.Case.Department : context.Case.Category;
                field.ApplyBinding(context.Case, value);
                if (before != value)
                {
                    context.Audit(new CaseFieldChanged(field.Bind, before, value));
                }
            }
        }
    }

    private static NodeStep Escalate(NodeContext context, Props properties, WorkflowTimer timer)
    {
        var step = properties.Escalation[Math.Clamp(timer.Step, 0, properties.Escalation.Count - 1)];
        var task = timer.TaskId ?? Guid.Empty;
        if (step.Action == EscalationStep.Remind)
        {
            var recipient = Roles.IsDepartmental(properties.CandidateRole) ? $"{properties.CandidateRole}:{context.Case.Department}" : properties.CandidateRole;
            context.Emit(new StaffNoticeEffect(StaffNoticeKinds.Reminder, recipient,
                Catalogue.Render(TaskFormErrors.Reminder, properties.Title, context.Case.TrackingCode), timer.TaskId));
            context.Audit(new EscalationReminded(task, timer.Step));
            return NodeStep.Wait;
        }

        if (step.Action == EscalationStep.NotifyCeoOffice)
        {
            context.Emit(new StaffNoticeEffect(StaffNoticeKinds.Reminder, Roles.CeoOffice,
                Catalogue.Render(TaskFormErrors.Overdue, properties.Title, context.Case.TrackingCode), timer.TaskId));
            context.Audit(new EscalatedToCeoOffice(task, timer.Step));
            return NodeStep.Wait;
        }

        var department = properties.CandidateDepartment == RoutedDepartment ? context.Case.Department : properties.CandidateDepartment;
        context.Emit(new ReassignTask(task, Roles.DepartmentHead, department, timer.Step + 1));
        context.Audit(new EscalationReassigned(task, timer.Step, Roles.DepartmentHead, department));
        context.ChangeStatus(CaseStatuses.Escalated);
        return NodeStep.Wait;
    }

    public sealed class Props
    {
        [NodeProperty(PropertyKinds.Line, "What the task is called in the inbox (Persian).", Required = true)]
        public string Title { get; init; } = string.Empty;

        [NodeProperty("role", "Role whose members may claim the task.", Required = true)]
        public string CandidateRole { get; init; } = string.Empty;

        [NodeProperty(PropertyKinds.Department, "'routed' for the case's department, or a department code.")]
        public string? CandidateDepartment { get; init; }

        [NodeProperty("outcomes", "Buttons: name (the outcome connected from) and Persian label.", Required = true)]
        public List<TaskOutcome> Outcomes { get; init; } = [];

        [NodeProperty("formFields", "Fields to fill: name, label, type, required / requiredFor, options, bind.")]
        public List<FormField> Form { get; init; } = [];

        [NodeProperty(PropertyKinds.Duration, "Time allowed; sets the task's due date: working days or hours (3WD, 4WH) or calendar time (ISO 8601, e.g. P3D).")]
        public string? Sla { get; init; }

        [NodeProperty("escalation", "The ladder: after (P2D / 2WD after opening, 75% of the deadline, +2WD past it) and action (remind | reassignToHead | notifyCeoOffice).")]
        public List<EscalationStep> Escalation { get; init; } = [];

        [NodeProperty("status", "Status the citizen sees while the task is open.")]
        public string? Status { get; init; }
    }
}
