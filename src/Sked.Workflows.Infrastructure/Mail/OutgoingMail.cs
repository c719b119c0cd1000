using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// The outbox's e-mail step: composes the queued mail of the case's thread and hands it to SMTP.
/// A mail marked not to be sent (an acknowledgement to a machine) is skipped; a sent one is marked
/// sent on the thread. Throws when SMTP fails, so the outbox retries.
/// </summary>
public sealed class OutgoingMail(IDbContextFactory<SkedDbContext> dbFactory, IEmailSender sender, IOptions<MailOptions> options)
{
    public async Task SendAsync(NotificationMessage notification, CancellationToken cancellationToken)
    {
        if (notification.Mail is not { } id)
        {
            await sender.SendAsync(Legacy(notification), cancellationToken);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mail = await db.CaseMail.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null || mail.Disposition is MailDisposition.Suppressed or MailDisposition.Sent)
        {
            return;
        }

        var thread = await db.CaseMail.AsNoTracking()
            .Where(m => m.CaseId == mail.CaseId && m.Id != mail.Id && m.At <= mail.At && m.Disposition != MailDisposition.Suppressed)
            .OrderBy(m => m.At).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        await sender.SendAsync(MailComposer.Compose(mail, notification.TrackingCode, thread, From()), cancellationToken);
        // The server has it: record that even when the app is stopping, or a restart would send it again.
        // (A crash in between can still send it twice, with the same Message-ID, which mail programs merge.)
        using var recording = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await db.CaseMail.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Disposition, MailDisposition.Sent), recording.Token);
    }

    private MailboxAddress From() =>
        new(Catalogue.Text(MailTexts.FromName), options.Value.Smtp.From ?? options.Value.Address);

    /// <summary>A mail queued before mail had a thread: its text, with the case's tag.</summary>
    private MimeMessage Legacy(NotificationMessage notification)
    {
        var message = new MimeMessage { Subject = SubjectTag.Tagged(Catalogue.Render(OutboxTexts.AnswerSubject, notification.TrackingCode), notification.TrackingCode) };
        message.From.Add(From());
        message.To.Add(MailboxAddress.Parse(notification.To));
        message.Body = new TextPart("plain") { Text = notification.Text };
        return message;
    }
}
