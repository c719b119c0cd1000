using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Features.Letters;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>
/// A case's e-mail thread as staff see it: every mail in and out, oldest first, each with the files
/// that came with it; when mail to the citizen bounced; who recorded a mail that arrived elsewhere.
/// </summary>
public sealed record MailThread(IReadOnlyList<ThreadMail> Mails, DateTimeOffset? UndeliverableSince, string? Recorder)
{
    public static readonly MailThread None = new([], null, null);

    /// <summary>Nothing to show: a case that never went by mail.</summary>
    public bool IsEmpty => Mails.Count == 0 && UndeliverableSince is null;

    /// <summary>Loads the thread of a case the member may see (the caller has checked).</summary>
    public static async Task<MailThread> LoadAsync(SkedDbContext db, CaseFile @case, IReadOnlyList<AttachmentInfo> attachments, CancellationToken cancellationToken)
    {
        var mails = await db.CaseMail.AsNoTracking().Where(m => m.CaseId == @case.Id).ToListAsync(cancellationToken);
        // A mail and the acknowledgement it caused share one instant: the citizen's comes first.
        var ordered = mails.OrderBy(m => m.At).ThenBy(m => m.Direction).ThenBy(m => m.Id)
            .Select(m => new ThreadMail(m, attachments.Where(a => a.MailId == m.Id).ToList(), StartEmailInquiry.IsRecorded(m)))
            .ToList();
        var recorder = ordered.Exists(m => m.Recorded) ? await StarterAsync(db, @case, cancellationToken) : null;
        return new MailThread(ordered, @case.Citizen.EmailUndeliverableAt, recorder);
    }

    /// <summary>Whoever started the case: for a recorded mail, the member who recorded it.</summary>
    private static Task<string?> StarterAsync(SkedDbContext db, CaseFile @case, CancellationToken cancellationToken)
    {
        var started = AuditEvents.NameOf<InstanceStarted>();
        return db.AuditEvents.AsNoTracking().Where(e => e.CaseId == @case.Id && e.Type == started)
            .OrderBy(e => e.Id).Select(e => e.Actor).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>One mail of the thread; <see cref="Recorded"/> when staff recorded it by hand.</summary>
public sealed record ThreadMail(CaseMail Mail, IReadOnlyList<AttachmentInfo> Attachments, bool Recorded);
