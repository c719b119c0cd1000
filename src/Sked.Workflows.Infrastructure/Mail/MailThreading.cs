using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// Which case a mail answers: one whose mail of ours it names in In-Reply-To or References, or the
/// case in its subject's tag when the check digit holds and the sender is the case's own. A tag that
/// fails either test opens a new case, and the citizen is told why (<see cref="Thread.Note"/>).
/// </summary>
public static class MailThreading
{
    public sealed record Thread(Guid? Case, string? Note);

    public static async Task<Thread> FindAsync(IDbContextFactory<SkedDbContext> dbFactory, InboundMail mail, CancellationToken cancellationToken)
    {
        string?[] named = [mail.InReplyTo, .. mail.References];
        foreach (var messageId in named.OfType<string>().Distinct(StringComparer.Ordinal).Take(20))
        {
            if (await CaseOfOursAsync(dbFactory, messageId, cancellationToken) is { } caseId)
            {
                return new Thread(caseId, null);
            }
        }

        return await ByTagAsync(dbFactory, mail, cancellationToken);
    }

    /// <summary>The case of a mail we sent, by its Message-ID.</summary>
    public static async Task<Guid?> CaseOfOursAsync(IDbContextFactory<SkedDbContext> dbFactory, string? messageId, CancellationToken cancellationToken)
    {
        if (messageId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CaseMail.AsNoTracking()
            .Where(m => m.Direction == MailDirection.Out && m.MessageId == messageId)
            .Select(m => m.CaseId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<Thread> ByTagAsync(IDbContextFactory<SkedDbContext> dbFactory, InboundMail mail, CancellationToken cancellationToken)
    {
        var (written, code) = SubjectTag.Find(mail.Subject);
        if (written is null)
        {
            return new Thread(null, null);
        }

        var notMatched = Catalogue.Render(MailTexts.TagNotMatched, written);
        if (code is null)
        {
            return new Thread(null, notMatched);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var value = code.Value.Value;
        var owner = await db.Cases.AsNoTracking()
            .Where(c => c.TrackingCode == value)
            .Select(c => new { c.Id, c.Citizen.Email })
            .FirstOrDefaultAsync(cancellationToken);
        return owner is not null && string.Equals(owner.Email, mail.FromAddress, StringComparison.OrdinalIgnoreCase)
            ? new Thread(owner.Id, null)
            : new Thread(null, notMatched);
    }
}
