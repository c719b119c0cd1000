using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Calendar;

/// <summary>
/// After the calendar changed (a closure added, a holiday or the week edited): every pending deadline
/// counted in working time — open tasks, pending timers, the answer date promised on an open case — is
/// counted again on the new calendar from now, what was left of it kept. Each case moves in its own
/// unit of work with a <c>deadline.moved</c> event per deadline, saying why; the promise remembers why
/// for the tracking page.
/// </summary>
public sealed class DeadlineMover(IDbContextFactory<SkedDbContext> dbFactory, EngineRunner runner, TimeProvider time)
{
    /// <summary>What changed and why: <paramref name="reason"/> is closure or calendar, <paramref name="detail"/> the closure's reason.</summary>
    public async Task<int> MoveAsync(WorkingCalendar before, WorkingCalendar after, string reason, string? detail, Actor actor, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var caseId in await AffectedCasesAsync(cancellationToken))
        {
            await runner.RunAsync(step => step.ChangeCaseAsync(caseId, actor,
                async (db, @case) =>
                {
                    var effects = await MoveCaseAsync(db, @case, step.Now, before, after, reason, detail, actor.Name, cancellationToken);
                    moved += effects.Count;
                    return effects;
                }, signal: null, "deadline-moved", cancellationToken), cancellationToken);
        }

        return moved;
    }

    /// <summary>Open cases with a deadline still ahead that may be counted in working time.</summary>
    private async Task<List<Guid>> AffectedCasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var byTask = db.Tasks.Where(t => (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed) && t.SlaRule != null && t.DueAt > now)
            .Select(t => t.CaseId);
        var byTimer = db.Timers.Where(t => t.Status == TimerStatus.Pending && t.Rule != null && t.DueAt > now)
            .Join(db.Instances, t => t.InstanceId, i => i.Id, (t, i) => i.CaseId);
        var byPromise = db.Cases.Where(c => c.AnswerRule != null && c.ExpectedAnswerAt > now && c.ClosedAt == null && c.PausedAt == null).Select(c => c.Id);
        return await byTask.Union(byTimer).Union(byPromise).Distinct().ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<Effect>> MoveCaseAsync(SkedDbContext db, CaseFile @case, DateTimeOffset now, WorkingCalendar before, WorkingCalendar after,
        string reason, string? detail, string actor, CancellationToken cancellationToken)
    {
        var effects = new List<Effect>();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == @case.Id, cancellationToken);
        var node = instance.CurrentNodeId ?? string.Empty;
        void Moved(string what, Guid? id, DateTimeOffset from, DateTimeOffset to) =>
            effects.Add(new AuditEffect(new DeadlineMoved(what, id, from, to, reason, detail, after.Version) { Node = node }, actor));

        var tasks = await db.Tasks.Where(t => t.CaseId == @case.Id && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed) && t.SlaRule != null)
            .ToListAsync(cancellationToken);
        foreach (var task in tasks.Where(t => t.DueAt > now))
        {
            if (Recount(task.SlaRule, task.DueAt!.Value, now, before, after) is { } due)
            {
                Moved(DeadlineReasons.Task, task.Id, task.DueAt.Value, due);
                task.DueAt = due;
                task.CalendarVersion = after.Version;
            }
        }

        var timers = await db.Timers.Where(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending && t.Rule != null).ToListAsync(cancellationToken);
        foreach (var timer in timers.Where(t => t.DueAt > now))
        {
            var rule = timer.TaskId is { } taskId ? EscalationTimes.RecountRule(timer.Rule!, tasks.Find(t => t.Id == taskId)?.SlaRule) : Parse(timer.Rule);
            if (rule is not null && Recount(rule.ToString(), timer.DueAt, now, before, after) is { } due)
            {
                Moved(DeadlineReasons.Timer, timer.Id, timer.DueAt, due);
                timer.DueAt = due;
                timer.CalendarVersion = after.Version;
            }
        }

        if (@case is { AnswerRule: { } answerRule, ExpectedAnswerAt: { } promised, PausedAt: null } && !CaseStatuses.IsFinal(@case.Status) && promised > now
            && Recount(answerRule, promised, now, before, after) is { } newPromise)
        {
            Moved(DeadlineReasons.Promise, null, promised, newPromise);
            @case.ExpectedAnswerAt = newPromise;
            @case.AnswerCalendarVersion = after.Version;
            @case.PromiseMovedBy = reason;
            @case.PromiseMovedDetail = detail;
        }

        return effects;
    }

    /// <summary>The deadline counted again on the new calendar; null when it is calendar time or does not move.</summary>
    private static DateTimeOffset? Recount(string? rule, DateTimeOffset due, DateTimeOffset now, WorkingCalendar before, WorkingCalendar after)
    {
        if (Parse(rule) is not { IsWorkingTime: true } deadline)
        {
            return null;
        }

        var moved = deadline.Recount(due, now, before, now, after);
        return moved == due ? null : moved;
    }

    private static Deadline? Parse(string? rule) => Deadline.TryParse(rule, out var deadline) ? deadline : null;
}
