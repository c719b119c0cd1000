using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Testing;

/// <summary>
/// Mail handed to a running app's intake (<see cref="ReceiveMail"/>) as the mailbox reader would hand
/// it over, without a mail server; and a case's mail thread read back from the store.
/// </summary>
public static class MailFeed
{
    /// <summary>The case's mails, oldest first (a mail before the acknowledgement it caused).</summary>
    public static async Task<IReadOnlyList<CaseMail>> ThreadAsync(TestApp app, string trackingCode)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var caseId = await db.Cases.Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).SingleAsync();
        var mails = await db.CaseMail.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync();
        return [.. mails.OrderBy(m => m.At).ThenBy(m => m.Direction).ThenBy(m => m.Id)];
    }

    /// <summary>The Message-ID of the first mail we sent on the case: the acknowledgement.</summary>
    public static async Task<string> AcknowledgementIdAsync(TestApp app, string trackingCode) =>
        (await ThreadAsync(app, trackingCode)).First(m => m.Direction == MailDirection.Out).MessageId;

    /// <summary>The citizen answers one of our mails, with files.</summary>
    public static Task<MailDisposition?> ReplyAsync(TestApp app, string inReplyTo, string from, string subject, string text, params MailAttachment[] files) =>
        app.Service<ReceiveMail>().HandleAsync(new InboundMail
        {
            MessageId = $"{Guid.NewGuid():N}@mail.example.ir",
            InReplyTo = inReplyTo,
            References = [inReplyTo],
            FromAddress = from,
            Subject = subject,
            Text = text,
            Date = app.Service<TimeProvider>().GetUtcNow(),
            Attachments = files,
        }, CancellationToken.None);

    /// <summary>The citizen's mail server returns one of our mails as undeliverable.</summary>
    public static Task<MailDisposition?> BounceAsync(TestApp app, string bouncedMessageId) =>
        app.Service<ReceiveMail>().HandleAsync(new InboundMail
        {
            MessageId = $"{Guid.NewGuid():N}@mx.example.ir",
            FromAddress = "MAILER-DAEMON@mx.example.ir",
            Subject = "Undelivered Mail Returned to Sender",
            Text = "This is the mail system at host mx.example.ir. Your message could not be delivered: mailbox unavailable.",
            Date = app.Service<TimeProvider>().GetUtcNow(),
            Automatic = "Return-Path: <>",
            IsBounce = true,
            BouncedMessageId = bouncedMessageId,
        }, CancellationToken.None);

    public static MailAttachment File(string name, string contentType, byte[] content) =>
        new(name, contentType, content, Convert.ToHexStringLower(SHA256.HashData(content)));
}
