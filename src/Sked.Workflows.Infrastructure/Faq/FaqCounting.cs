using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Faq;

/// <summary>
/// Counts an answered public question for the FAQ (the promoteToFaq node's effect), in the case's
/// transaction. A question the e-desk confirmed as a repeat was counted then; one with the same
/// normalised text counts on that entry; any other becomes an internal entry of its own. At the
/// node's threshold the entry is proposed; nothing is published without a person.
/// </summary>
internal static class FaqCounting
{
    public static async Task CountAsync(SkedDbContext db, CaseFile @case, FaqRepeatEffect faq, DateTimeOffset now, Action<AuditEventData> audit, CancellationToken cancellationToken)
    {
        var confirmed = await db.FaqRepeats.SingleOrDefaultAsync(r => r.CaseId == @case.Id, cancellationToken);
        // Several cases may commit in one unit (group commit): an entry added by another is in the tracker, not yet in the table.
        var entry = confirmed is null
            ? db.Faq.Local.FirstOrDefault(f => f.QuestionKey == faq.QuestionKey)
                ?? await db.Faq.SingleOrDefaultAsync(f => f.QuestionKey == faq.QuestionKey, cancellationToken)
            : await db.Faq.SingleOrDefaultAsync(f => f.Id == confirmed.FaqEntryId, cancellationToken);
        if (entry is null)
        {
            entry = new FaqEntry { QuestionKey = faq.QuestionKey, Question = faq.Question, Answer = faq.Answer };
            db.Faq.Add(entry);
        }

        if (confirmed is null)
        {
            // One statement, not read-add-save: two answers approved at once in transactions of their own both count.
            await RepeatCount.AddOneAsync(db, entry, cancellationToken);
            entry.AddAlternative(faq.Question);
            db.FaqRepeats.Add(new FaqRepeat { CaseId = @case.Id, FaqEntryId = entry.Id, ConfirmedBy = Domain.Staff.Actor.SystemName, ConfirmedAt = now });
        }

        // An entry not yet published gets the latest approved answer as the editor's starting point.
        if (entry.PublishedAt is null)
        {
            entry.Answer = faq.Answer;
        }

        entry.ProposeAfter = faq.Threshold;
        entry.UpdatedAt = now;
        if (entry.ProposeIfDue(now))
        {
            audit(new FaqProposed(entry.Id, entry.Repeats));
        }
    }
}
