using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// One mail from the info@ mailbox, in one transaction with everything it causes: a reply to one of
/// our mails (or with a valid tag from the case's own sender) joins its case; a bounce marks the
/// case's address undeliverable; anything else opens an e-mail case. A mail already received (read
/// again after a restart) is recognised by its Message-ID and changes nothing.
/// </summary>
public sealed partial class ReceiveMail(
    IDbContextFactory<SkedDbContext> dbFactory,
    EngineRunner runner,
    GroupCommitter committer,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<ReceiveMail> logger)
{
    /// <summary>The task feed's kind for a citizen's reply (open inboxes reload; the bell tells the holder).</summary>
    public const string CitizenReplied = "citizen.replied";

    private static readonly Actor Citizen = Actor.Citizen(null);

    /// <summary>What became of the mail; null when it had been received before.</summary>
    public async Task<MailDisposition?> HandleAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        try
        {
            return await ReceiveAsync(mail, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another reading of the same mail committed first: this one is the duplicate. Anything else is a failure.
            if (await SeenAsync(mail.MessageId, cancellationToken))
            {
                return null;
            }

            throw;
        }
    }

    private async Task<MailDisposition?> ReceiveAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        if (await SeenAsync(mail.MessageId, cancellationToken))
        {
            return null;
        }

        if (mail.Automatic == "own address")
        {
            return await KeepAsync(mail, null, MailDisposition.Ignored, cancellationToken);
        }

        if (mail.IsBounce)
        {
            return await BounceAsync(mail, cancellationToken);
        }

        var thread = await MailThreading.FindAsync(dbFactory, mail, cancellationToken);
        if (thread.Case is { } caseId)
        {
            return mail.Automatic is null
                ? await ReplyAsync(mail, caseId, cancellationToken)
                : await KeepAsync(mail, caseId, MailDisposition.Ignored, cancellationToken);
        }

        return await OpenCaseAsync(mail, thread.Note, cancellationToken);
    }

    private async Task<bool> SeenAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CaseMail.AnyAsync(m => m.Direction == MailDirection.In && m.MessageId == messageId, cancellationToken);
    }

    /// <summary>Keeps a mail that changes no case (our own mail come back, an automatic reply), so it is not read again.</summary>
    private Task<MailDisposition?> KeepAsync(InboundMail mail, Guid? caseId, MailDisposition disposition, CancellationToken cancellationToken) =>
        committer.RunAsync<MailDisposition?>(async scope =>
        {
            scope.Db.CaseMail.Add(Record(mail, caseId, disposition, scope.Now));
            await scope.SaveAsync(cancellationToken);
            return disposition;
        }, () => disposition, cancellationToken);

    private async Task<MailDisposition?> BounceAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        var caseId = await MailThreading.CaseOfOursAsync(dbFactory, mail.BouncedMessageId, cancellationToken);
        if (caseId is null)
        {
            return await KeepAsync(mail, null, MailDisposition.Ignored, cancellationToken);
        }

        await ChangeCaseAsync(caseId.Value, mail, MailDisposition.Bounce, resumes: false, (db, @case, record, now) =>
        {
            @case.Citizen.EmailUndeliverableAt ??= now;
            return [new AuditEffect(new EmailUndeliverable(record.Id), Actor.SystemName)];
        }, cancellationToken);
        LogBounce(logger, caseId.Value);
        return MailDisposition.Bounce;
    }

    private async Task<MailDisposition?> ReplyAsync(InboundMail mail, Guid caseId, CancellationToken cancellationToken)
    {
        await ChangeCaseAsync(caseId, mail, MailDisposition.Reply, resumes: true, (db, @case, record, now) =>
        {
            AddAttachments(db, mail, @case.Id, record.Id, now);
            db.Timeline.Add(new CaseTimelineEntry { CaseId = @case.Id, At = now, Status = @case.Status, Detail = Catalogue.Text(MailTexts.TimelineReply) });
            var notice = Catalogue.Render(MailTexts.CitizenReplied, @case.TrackingCode);
            List<Effect> effects = [new AuditEffect(new CitizenMessageReceived(record.Id, "email"), Actor.CitizenName)];
            effects.AddRange(OpenTasks(db, @case).Select(task => new StaffNoticeEffect(StaffNoticeKinds.CitizenReplied,
                StaffNotices.StaffGroups.Of(task.CandidateRole, task.Department), notice, task.Id)));
            return effects;
        }, cancellationToken);
        return MailDisposition.Reply;
    }

    /// <summary>The case's open tasks: whoever holds each (or its group) hears of the reply.</summary>
    private static List<Engine.Tasks.HumanTask> OpenTasks(SkedDbContext db, CaseFile @case) =>
        [.. db.Tasks.AsNoTracking().Where(t => t.CaseId == @case.Id
            && (t.Status == Engine.Tasks.HumanTaskStatus.Open || t.Status == Engine.Tasks.HumanTaskStatus.Claimed))];

    /// <summary>Records the mail on its case with what it changes; a reply also resumes a workflow step that waits for the citizen.</summary>
    private async Task ChangeCaseAsync(Guid caseId, InboundMail mail, MailDisposition disposition, bool resumes,
        Func<SkedDbContext, CaseFile, CaseMail, DateTimeOffset, IReadOnlyList<Effect>> change, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(step =>
        {
            var record = Record(mail, caseId, disposition, step.Now);
            var resume = resumes ? new CitizenRepliedSignal(record.Id, MailNotes.Fit(mail.Text, Domain.Cases.SubmissionValidator.BodyMax)) : null;
            return step.ChangeCaseAsync(caseId, Citizen, (db, @case) =>
            {
                db.CaseMail.Add(record);
                return Task.FromResult(change(db, @case, record, step.Now));
            }, resume, resumes ? CitizenReplied : "mail.undeliverable", cancellationToken);
        }, cancellationToken);
        if (result.Kind != WorkflowResultKind.Ok)
        {
            throw new InvalidOperationException($"mail {mail.MessageId} could not join case {caseId}: {result.Kind}");
        }
    }

    private async Task<MailDisposition?> OpenCaseAsync(InboundMail mail, string? threadNote, CancellationToken cancellationToken)
    {
        var submission = MailSubmission.From(mail);
        var check = SubmissionValidator.Check(submission);
        if (!check.IsValid)
        {
            LogRefused(logger, mail.MessageId, string.Join("; ", check.Errors.Keys));
            return await KeepAsync(mail, null, MailDisposition.Ignored, cancellationToken);
        }

        var suppress = mail.Automatic is not null ? AcknowledgementSuppressed.Automatic
            : await TooManyAsync(mail.FromAddress, cancellationToken) ? AcknowledgementSuppressed.TooMany : null;
        var started = await runner.StartAsync(check.Submission, Citizen, [], (scope, @case) =>
        {
            var record = Record(mail, @case.Id, MailDisposition.NewCase, scope.Now);
            record.Notes = MailNotes.Join(threadNote, mail.Refused, MailSubmission.WasCut(mail));
            scope.Db.CaseMail.Add(record);
            AddAttachments(scope.Db, mail, @case.Id, record.Id, scope.Now);
            if (suppress is not null)
            {
                Suppress(scope, @case, record, suppress);
            }

            return Task.CompletedTask;
        }, cancellationToken);
        if (started.Result.Kind != WorkflowResultKind.Ok)
        {
            throw new InvalidOperationException($"mail {mail.MessageId} could not open a case: {started.Result.Kind}");
        }

        LogOpened(logger, started.TrackingCode!, suppress ?? "acknowledged");
        return MailDisposition.NewCase;
    }

    /// <summary>The start queued the acknowledgement in this same unit: it stays on the thread, marked as not sent and why.</summary>
    private static void Suppress(UnitScope scope, CaseFile @case, CaseMail received, string reason)
    {
        var queued = scope.NewRows<CaseMail>().Where(m => m.Direction == MailDirection.Out && m.CaseId == @case.Id);
        foreach (var mail in queued)
        {
            mail.Disposition = MailDisposition.Suppressed;
            mail.SuppressedBecause = reason;
        }

        scope.Db.AuditEvents.Add(new Audit.AuditEvent(new AcknowledgementSuppressed(received.Id, reason), Actor.SystemName)
        {
            At = scope.Now,
            CaseId = @case.Id,
            TrackingCode = @case.TrackingCode,
        });
    }

    private async Task<bool> TooManyAsync(string address, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddHours(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sent = await db.CaseMail.CountAsync(m => m.Direction == MailDirection.Out && m.Address == address
            && m.At >= since && m.Disposition != MailDisposition.Suppressed, cancellationToken);
        return sent >= options.Value.AcknowledgementsPerSenderPerHour;
    }

    private static void AddAttachments(SkedDbContext db, InboundMail mail, Guid caseId, Guid mailId, DateTimeOffset now)
    {
        foreach (var file in mail.Attachments)
        {
            db.Attachments.Add(new CaseAttachment
            {
                CaseId = caseId,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Content = file.Content,
                Sha256 = file.Sha256,
                MailId = mailId,
                CreatedAt = now,
            });
        }
    }

    private static CaseMail Record(InboundMail mail, Guid? caseId, MailDisposition disposition, DateTimeOffset now) => new()
    {
        CaseId = caseId,
        Direction = MailDirection.In,
        MessageId = mail.MessageId,
        InReplyTo = mail.InReplyTo,
        References = mail.References.Count == 0 ? null : MailNotes.Fit(string.Join(' ', mail.References), 4000),
        Address = MailNotes.Fit(mail.FromAddress, 254),
        DisplayName = mail.FromName is null ? null : MailNotes.Fit(mail.FromName, 200),
        Subject = MailNotes.Fit(mail.Subject, 400),
        Text = mail.Text,
        At = now,
        Disposition = disposition,
        SuppressedBecause = mail.Automatic is null ? null : MailNotes.Fit(mail.Automatic, 200),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail opened case {TrackingCode} ({Acknowledgement})")]
    private static partial void LogOpened(ILogger logger, string trackingCode, string acknowledgement);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} opened no case: the submission was refused ({Fields})")]
    private static partial void LogRefused(ILogger logger, string messageId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "A mail to the citizen of case {CaseId} bounced; the address is marked undeliverable")]
    private static partial void LogBounce(ILogger logger, Guid caseId);
}
