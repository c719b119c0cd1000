using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Runtime;

/// <summary>What a node sees while it runs: the case, the instance, the clock and where effects go.</summary>
public sealed class NodeContext
{
    private readonly List<Effect> _effects;

    internal NodeContext(ExecutionScope scope, CompiledNode node)
    {
        Scope = scope;
        Node = node;
        _effects = scope.Effects;
    }

    internal ExecutionScope Scope { get; }
    public CompiledNode Node { get; }
    public CaseFile Case => Scope.Case;
    public WorkflowInstance Instance => Scope.Instance;
    public CompiledWorkflow Workflow => Scope.Workflow;
    public DateTimeOffset Now => Scope.Now;
    public string Actor => Scope.Actor;
    public EngineEnvironment Environment => Scope.Environment;

    public void Emit(Effect effect) => _effects.Add(effect);

    /// <summary>The password issued earlier in this same signal (intake), for the message that tells it; never stored in clear.</summary>
    public string? IssuedPassword
    {
        get => Scope.IssuedPassword;
        set => Scope.IssuedPassword = value;
    }

    /// <summary>Records an event of this node; the node's id is added to it.</summary>
    public void Audit(NodeAuditEventData data) => _effects.Add(new AuditEffect(data with { Node = Node.Id }, Actor));

    /// <summary>
    /// Moves the case's citizen-visible status (a timeline entry) and records the change, before and
    /// after, as <c>case.status-changed</c>; nothing is recorded when nothing changed.
    /// </summary>
    public void ChangeStatus(string status, string? detail = null)
    {
        var before = Case.Status;
        var entries = Case.Timeline.Count;
        Case.ChangeStatus(status, Now, detail);
        if (Case.Timeline.Count > entries)
        {
            Audit(new CaseStatusChanged(before, status, detail));
        }
    }

    /// <summary>When a time allowed from now falls due: calendar time, or working days/hours on the working calendar.</summary>
    public DateTimeOffset DueAt(string rule) => Deadline.Parse(rule).DueFrom(Now, Environment.Calendar);

    /// <summary>The version of the working calendar due dates are computed on in this run.</summary>
    public int CalendarVersion => Environment.Calendar.Version;

    /// <summary>The Persian name of a department, for citizen timelines and notifications.</summary>
    public string DepartmentName(string? code) =>
        code is not null && Environment.Departments.TryGetValue(code, out var name) ? name : code ?? string.Empty;
}

/// <summary>The department directory, limits and working calendar a run needs from outside the instance.</summary>
public sealed record EngineEnvironment(IReadOnlyDictionary<string, string> Departments, EngineLimits Limits)
{
    /// <summary>The calendar working days and hours are counted on; without one, the default week without holidays.</summary>
    public WorkingCalendar Calendar { get; init; } = WorkingCalendar.Default;
}

/// <summary>How often a failing node is retried and how long to wait between attempts.</summary>
public sealed record EngineLimits
{
    public int MaxAttempts { get; init; } = 3;
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)];

    /// <summary>Guards against a definition that loops without ever waiting.</summary>
    public int MaxStepsPerSignal { get; init; } = 200;

    public TimeSpan RetryDelay(int attempt) => RetryDelays.Count == 0
        ? TimeSpan.FromSeconds(30)
        : RetryDelays[Math.Clamp(attempt - 1, 0, RetryDelays.Count - 1)];
}
