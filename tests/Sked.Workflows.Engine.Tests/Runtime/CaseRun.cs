using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Departments;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>
/// One case and its instance held in memory, driven through the interpreter the way the store does,
/// with the clock moved by hand. Keeps the tasks and timers the effects asked for.
/// </summary>
internal sealed class CaseRun
{
    public static readonly IReadOnlyDictionary<string, string> Departments =
        DepartmentCatalogue.Seed.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

    public static readonly EngineEnvironment Environment = new(Departments, new EngineLimits());

    private static readonly Lazy<CompiledWorkflow> ShippedComplaint = new(() => LoadShipped(CaseTypes.Complaint));

    public CaseRun(CompiledWorkflow workflow, CaseFile @case)
    {
        Workflow = workflow;
        Case = @case;
        Now = @case.CreatedAt;
        Instance = new WorkflowInstance
        {
            CaseId = @case.Id,
            DefinitionId = workflow.Id,
            DefinitionVersion = workflow.Version,
            StartedAt = Now,
            UpdatedAt = Now,
        };
    }

    public CompiledWorkflow Workflow { get; }
    public CaseFile Case { get; }
    public WorkflowInstance Instance { get; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>Every task the run has opened, newest last.</summary>
    public List<HumanTask> Tasks { get; } = [];

    /// <summary>Every timer the run has scheduled, newest last.</summary>
    public List<WorkflowTimer> Timers { get; } = [];

    /// <summary>Every effect of every applied signal, in order.</summary>
    public List<Effect> Effects { get; } = [];

    /// <summary>The node ids the run entered, in order, from its node.entered audit effects.</summary>
    public IReadOnlyList<string> EnteredNodes => Effects.OfType<AuditEffect>()
        .Select(a => a.Data)
        .OfType<Sked.Workflows.Engine.Audit.Events.NodeEntered>()
        .Select(a => a.Node)
        .ToList();

    public static CaseRun Complaint(string body = "برق خیابان ما هر شب چند بار قطع و وصل می‌شود.") =>
        new(ShippedComplaint.Value, NewCase(CaseTypes.Complaint, body));

    /// <summary>A case of <paramref name="type"/> on its shipped workflow, shaped before it starts (a national code, an answer type...).</summary>
    public static CaseRun Shipped(string type, Action<CaseFile> shape)
    {
        var @case = NewCase(type, "برق خیابان ما هر شب چند بار قطع و وصل می‌شود.");
        shape(@case);
        return new(LoadShipped(type), @case);
    }

    public static CaseFile NewCase(string type, string body) => new()
    {
        TrackingCode = TrackingCode.New().Value,
        Type = type,
        Subject = "رسیدگی به مشکل برق",
        Body = body,
        Citizen = new CitizenContact { Name = "مریم احمدی", Mobile = "09123456789" },
        CreatedAt = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero),
    };

    public static CompiledWorkflow Compile(WorkflowDefinition definition)
    {
        var errors = DefinitionValidator.Validate(definition, definition.Id + ".json", 1, Departments, out var compiled);
        Assert.True(compiled is not null, string.Join(System.Environment.NewLine, errors));
        return compiled;
    }

    public SignalResult Start() => Apply(new StartSignal("citizen"));

    public SignalResult Complete(HumanTask task, string outcome, params (string Name, string? Value)[] data) =>
        Apply(new TaskCompletedSignal(task, outcome, data.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal), "staff.user"));

    public SignalResult Fire(WorkflowTimer timer)
    {
        if (timer.DueAt > Now)
        {
            Now = timer.DueAt;
        }

        return Apply(new TimerDueSignal(timer));
    }

    public SignalResult Apply(Signal signal)
    {
        var result = Interpreter.Apply(Workflow, Case, Instance, signal, Now, Environment);
        if (result.Status == SignalStatus.Applied)
        {
            Tasks.AddRange(result.Effects.OfType<OpenTask>().Select(e => e.Task));
            Timers.AddRange(result.Effects.OfType<ScheduleTimer>().Select(e => e.Timer));
            Effects.AddRange(result.Effects);
        }

        return result;
    }

    public void Advance(TimeSpan by) => Now += by;

    public HumanTask OpenTask(string nodeId) => Tasks.Last(t => t.NodeId == nodeId);

    private static CompiledWorkflow LoadShipped(string id)
    {
        var file = id + ".json";
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", file));
        var definition = DefinitionJson.TryParse(json, file, out var error)
            ?? throw new InvalidOperationException(error?.ToString());
        var errors = DefinitionValidator.Validate(definition, file, 1, Departments, out var compiled);
        return compiled ?? throw new InvalidDefinitionException(errors);
    }
}
