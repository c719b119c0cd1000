using Bogus;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>
/// Gives the demo cases a past, so the SLA page is not all zeros on a fresh start: answered cases are
/// moved back over the last six months and answered within their promise (about four in five) or a few
/// working days after it; open cases are moved back up to three weeks, so some are overdue. Only the
/// demo's case, timeline and task rows move — the audit log keeps when the demo was really written.
/// </summary>
internal static class DemoHistory
{
    public static async Task SpreadAsync(SkedDbContext db, WorkingCalendar calendar, DateTimeOffset now, Faker faker, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Include(c => c.Timeline).ToListAsync(cancellationToken);
        var tasks = (await db.Tasks.ToListAsync(cancellationToken)).ToLookup(t => t.CaseId);
        foreach (var @case in cases)
        {
            var final = CaseStatuses.IsFinal(@case.Status);
            var back = TimeSpan.FromDays(final ? faker.Random.Int(3, 180) : faker.Random.Int(0, 21)) + TimeSpan.FromMinutes(faker.Random.Int(0, 600));
            var created = @case.CreatedAt - back;
            Move(db, @case, created, back, tasks[@case.Id]);
            if (@case.AnswerRule is { } rule && Deadline.TryParse(rule, out var promise))
            {
                @case.ExpectedAnswerAt = promise.DueFrom(created, calendar);
                @case.AnswerCalendarVersion = calendar.Version;
            }

            if (final && @case.ExpectedAnswerAt is { } promised)
            {
                Answer(@case, created, promised, calendar, faker, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Move(SkedDbContext db, CaseFile @case, DateTimeOffset created, TimeSpan back, IEnumerable<HumanTask> tasks)
    {
        db.Entry(@case).Property(c => c.CreatedAt).CurrentValue = created;
        foreach (var entry in @case.Timeline)
        {
            db.Entry(entry).Property(e => e.At).CurrentValue = entry.At - back;
        }

        foreach (var task in tasks)
        {
            db.Entry(task).Property(t => t.CreatedAt).CurrentValue = task.CreatedAt - back;
            task.DueAt -= back;
            task.CompletedAt -= back;
            task.ClaimedAt -= back;
        }
    }

    /// <summary>Answered within the promise mostly, sometimes a few working days late; never in the future.</summary>
    private static void Answer(CaseFile @case, DateTimeOffset created, DateTimeOffset promised, WorkingCalendar calendar, Faker faker, DateTimeOffset now)
    {
        var late = faker.Random.Bool(0.2f);
        var days = Math.Max(1, calendar.WorkingDaysBetween(created, promised));
        var answered = late
            ? calendar.EndOfWorkingDays(promised, faker.Random.Int(1, 5)).AddMinutes(-faker.Random.Int(30, 300))
            : calendar.EndOfWorkingDays(created, faker.Random.Int(1, days)).AddMinutes(-faker.Random.Int(30, 300));
        answered = answered < now ? answered : now;
        @case.AnsweredAt = @case.AnsweredAt is null ? null : answered;
        @case.ClosedAt = answered;
    }
}
