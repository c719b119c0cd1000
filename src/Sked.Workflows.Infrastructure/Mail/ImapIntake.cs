using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// Reads the info@ mailbox (Mail__Imap__*) and hands each new mail to <see cref="ReceiveMail"/>, in
/// UID order. Waits with IDLE where the server offers it and polls every Mail__PollSeconds otherwise.
/// Exactly once: a mail is committed with its Message-ID before the cursor (UIDVALIDITY, last UID)
/// moves past it, so a crash in between only makes the next reading find it already received.
/// </summary>
public sealed partial class ImapIntake(
    ReceiveMail receive,
    MailboxLease lease,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<ImapIntake> logger) : BackgroundService
{
    /// <summary>Mail handed on since start (tests and health read it).</summary>
    public long Received => Interlocked.Read(ref _received);

    private long _received;

    private MailOptions Options => options.Value;
    private string Mailbox => $"{Options.Imap.User}@{Options.Imap.Host}:{Options.Imap.Port}/INBOX";
    private TimeSpan LeasePeriod => TimeSpan.FromSeconds(Options.LeaseSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.IntakeEnabled)
        {
            LogOff(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.HoldAsync(Mailbox, LeasePeriod, stoppingToken) is { } cursor)
                {
                    await ReadWhileHeldAsync(cursor, stoppingToken);
                }
                else
                {
                    await Task.Delay(LeasePeriod / 3, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await lease.ReleaseAsync(Mailbox, CancellationToken.None);
    }

    private async Task ReadWhileHeldAsync(MailboxCursor cursor, CancellationToken stoppingToken)
    {
        using var client = new ImapClient();
        await MailConnections.ConnectAsync(client, Options.Imap, stoppingToken);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly, stoppingToken);
        var lastUid = inbox.UidValidity == cursor.UidValidity ? cursor.LastUid : 0;
        LogReading(logger, Mailbox, client.Capabilities.HasFlag(ImapCapabilities.Idle) ? "IDLE" : "polling", lastUid);
        while (!stoppingToken.IsCancellationRequested)
        {
            lastUid = await ReadNewAsync(inbox, lastUid, stoppingToken);
            if (await lease.HoldAsync(Mailbox, LeasePeriod, stoppingToken) is null)
            {
                return;
            }

            await WaitForMailAsync(client, inbox, stoppingToken);
        }

        await client.DisconnectAsync(quit: true, CancellationToken.None);
    }

    private async Task<long> ReadNewAsync(IMailFolder inbox, long lastUid, CancellationToken stoppingToken)
    {
        // "n:*" always names the newest mail, even when it is older than n: filter again.
        var range = new UniqueIdRange(new UniqueId((uint)Math.Min(lastUid + 1, uint.MaxValue)), UniqueId.MaxValue);
        var uids = (await inbox.SearchAsync(SearchQuery.Uids(range), stoppingToken)).Where(u => u.Id > lastUid).OrderBy(u => u.Id);
        foreach (var uid in uids)
        {
            using var message = await inbox.GetMessageAsync(uid, stoppingToken);
            var disposition = await receive.HandleAsync(MailReader.Read(message, Options), stoppingToken);
            Interlocked.Increment(ref _received);
            if (disposition is { } done)
            {
                LogMail(logger, uid.Id, done);
            }
            else
            {
                LogDuplicate(logger, uid.Id);
            }

            lastUid = uid.Id;
            if (!await lease.AdvanceAsync(Mailbox, inbox.UidValidity, lastUid, stoppingToken))
            {
                throw new InvalidOperationException("the mailbox lease was lost; another node reads on.");
            }
        }

        return lastUid;
    }

    /// <summary>IDLE until new mail arrives or it is time to renew the lease; without IDLE, a pause of Mail__PollSeconds.</summary>
    private async Task WaitForMailAsync(ImapClient client, IMailFolder inbox, CancellationToken stoppingToken)
    {
        var renewal = LeasePeriod / 3;
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            var pause = TimeSpan.FromSeconds(Math.Max(1, Options.PollSeconds));
            await Task.Delay(pause < renewal ? pause : renewal, time, stoppingToken);
            await inbox.CheckAsync(stoppingToken);
            return;
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        done.CancelAfter(renewal);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        inbox.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            inbox.CountChanged -= Arrived;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail intake is off: Mail__Imap__Host is not set")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading {Mailbox} ({Mode}) after UID {LastUid}")]
    private static partial void LogReading(ILogger logger, string mailbox, string mode, long lastUid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail UID {Uid}: {Disposition}")]
    private static partial void LogMail(ILogger logger, uint uid, MailDisposition disposition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail UID {Uid} had been received before; nothing changed")]
    private static partial void LogDuplicate(ILogger logger, uint uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail intake failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
