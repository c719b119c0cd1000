using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;

namespace Sked.Workflows.Engine.DryRun;

/// <summary>
/// One replay of one recorded case on a draft: the instance, the clock, the recorded steps not yet
/// given, and the last task and wait timer the draft opened at each node. Effects are otherwise dropped.
/// </summary>
internal sealed class ReplayRun
{
    private const string Actor = "dry-run";

    private readonly CompiledWorkflow _draft;
    private readonly RecordedCase _recorded;
    private readonly EngineEnvironment _environment;
    private readonly WorkflowInstance _instance;
    private readonly HashSet<string> _draftNodes;
    private readonly HashSet<string> _recordedNodes;
    private readonly List<string> _path = [];
    private readonly List<string> _assumed = [];
    private readonly Dictionary<string, HumanTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowTimer> _timers = new(StringComparer.Ordinal);
    private int _nextStep;
    private DateTimeOffset _now;

    public ReplayRun(CompiledWorkflow draft, WorkflowDefinition recordedDefinition, RecordedCase recorded, EngineEnvironment environment)
    {
        _draft = draft;
        _recorded = recorded;
        _environment = environment;
        _now = recorded.Submission.CreatedAt;
        _draftNodes = draft.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        _recordedNodes = recordedDefinition.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        _instance = new WorkflowInstance
        {
            CaseId = recorded.Submission.Id,
            DefinitionId = draft.Id,
            DefinitionVersion = draft.Version,
            StartedAt = _now,
            UpdatedAt = _now,
        };
    }

    private RecordedStep? NextStep => _nextStep < _recorded.Steps.Count ? _recorded.Steps[_nextStep] : null;

    public DryRunResult Run()
    {
        var stop = Apply(new StartSignal(Actor), _instance.CurrentNodeId);
        for (var signals = 1; stop is null; signals++)
        {
            stop = signals < DryRunner.MaxSignals
                ? Step()
                : End(DryRunVerdict.Failed, _instance.CurrentNodeId, $"more than {DryRunner.MaxSignals} signals without reaching an end.");
        }

        return stop;
    }

    /// <summary>Looks at where the instance stands and gives it its next signal, or ends the replay.</summary>
    private DryRunResult? Step()
    {
        var at = _instance.CurrentNodeId;
        return _instance.Status switch
        {
            InstanceStatus.Completed => End(DryRunVerdict.Completed, at),
            InstanceStatus.Failing or InstanceStatus.Incident => End(DryRunVerdict.Failed, at, _instance.LastError),
            InstanceStatus.Waiting when at is not null => AtWaitState(_draft.Node(at)),
            _ => End(DryRunVerdict.Failed, at, "the instance stopped without reaching a wait state."),
        };
    }

    private DryRunResult? AtWaitState(CompiledNode node) => node.Type.Name switch
    {
        TimerNode.TypeName => AtTimer(node.Id),
        HumanTaskNode.TypeName => AtTask(node),
        _ => End(DryRunVerdict.Waiting, node.Id),
    };

    private DryRunResult? AtTimer(string nodeId)
    {
        if (!_timers.TryGetValue(nodeId, out var timer) || timer.Activation != _instance.Activation)
        {
            return End(DryRunVerdict.Failed, nodeId, "the timer node scheduled no wait timer.");
        }

        if (NextStep is RecordedTimerFired fired && fired.NodeId == nodeId)
        {
            _nextStep++;
            MoveClock(fired.At);
        }
        else if (NextStep is null && _recordedNodes.Contains(nodeId))
        {
            // The real case is still waiting for this timer: firing it would invent history.
            return End(DryRunVerdict.Waiting, nodeId);
        }
        else
        {
            _assumed.Add(nodeId);
            MoveClock(timer.DueAt);
        }

        return Apply(new TimerDueSignal(timer), nodeId);
    }

    private DryRunResult? AtTask(CompiledNode node)
    {
        var step = NextStep;
        if (step is RecordedTaskCompletion completion && completion.NodeId == node.Id)
        {
            _nextStep++;
            MoveClock(completion.At);
            return Complete(node.Id, completion.Outcome, completion.Data, completion.Actor, DryRunVerdict.Rejected);
        }

        if (!_recordedNodes.Contains(node.Id))
        {
            return AtNewTask(node);
        }

        if (step is null)
        {
            return End(DryRunVerdict.Waiting, node.Id);
        }

        return _draftNodes.Contains(step.NodeId)
            ? End(DryRunVerdict.Diverged, node.Id)
            : End(DryRunVerdict.HitsRemovedNode, step.NodeId);
    }

    /// <summary>A task the case never met: only its one outcome can be assumed; more need a person's decision.</summary>
    private DryRunResult? AtNewTask(CompiledNode node)
    {
        var outcomes = node.Type.Outcomes(node.Properties);
        if (outcomes.Count != 1)
        {
            return End(DryRunVerdict.NeedsNewDecision, node.Id);
        }

        var stop = Complete(node.Id, outcomes[0], new Dictionary<string, string>(StringComparer.Ordinal), Actor, DryRunVerdict.NeedsNewDecision);
        if (stop is null)
        {
            _assumed.Add(node.Id);
        }

        return stop;
    }

    private DryRunResult? Complete(string nodeId, string outcome, IReadOnlyDictionary<string, string> data, string actor, DryRunVerdict whenRejected)
    {
        if (!_tasks.TryGetValue(nodeId, out var task) || task.Activation != _instance.Activation)
        {
            return End(DryRunVerdict.Failed, nodeId, "the task node opened no task.");
        }

        var values = data.ToDictionary(d => d.Key, string? (d) => d.Value, StringComparer.Ordinal);
        return Apply(new TaskCompletedSignal(task, outcome, values, actor), nodeId, whenRejected);
    }

    /// <summary>Applies one signal; keeps the path, the opened tasks and wait timers; ends the replay when it was not applied.</summary>
    private DryRunResult? Apply(Signal signal, string? nodeId, DryRunVerdict whenRejected = DryRunVerdict.Rejected)
    {
        var result = Interpreter.Apply(_draft, _recorded.Submission, _instance, signal, _now, _environment);
        switch (result.Status)
        {
            case SignalStatus.Rejected:
                return End(whenRejected, nodeId ?? _instance.CurrentNodeId, Describe(result.Errors));
            case SignalStatus.Conflict or SignalStatus.Ignored:
                return End(DryRunVerdict.Failed, nodeId ?? _instance.CurrentNodeId, result.Message);
        }

        Keep(result.Effects);
        return null;
    }

    private void Keep(IReadOnlyList<Effect> effects)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case AuditEffect { Data: NodeEntered { Node: var node } }:
                    _path.Add(node);
                    break;
                case OpenTask open:
                    _tasks[open.Task.NodeId] = open.Task;
                    break;
                case ScheduleTimer { Timer.Kind: TimerKind.Wait } scheduled:
                    _timers[scheduled.Timer.NodeId] = scheduled.Timer;
                    break;
            }
        }
    }

    /// <summary>The recorded times, never backwards: a draft timer may end after the next recorded step.</summary>
    private void MoveClock(DateTimeOffset to)
    {
        if (to > _now)
        {
            _now = to;
        }
    }

    // The designer shows this line as it is, so the field errors are rendered in Persian from the catalogue.
    private static string? Describe(IReadOnlyDictionary<string, Message[]>? errors) =>
        errors is null || errors.Count == 0
            ? null
            : string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value.Select(Catalogue.Render))}"));

    private DryRunResult End(DryRunVerdict verdict, string? stoppedAt, string? detail = null) =>
        new(_recorded.TrackingCode, verdict, [.. _path], stoppedAt, detail, [.. _assumed],
            _path.SequenceEqual(_recorded.ActualPath, StringComparer.Ordinal));
}
