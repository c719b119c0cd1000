using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using TestMailServer = Sked.Workflows.Testing.MailServer;

namespace Sked.Workflows.Infrastructure.Tests.Mail;

/// <summary>
/// The info@ channel against a real mail server on loopback (Dovecot IMAP, Exim SMTP with STARTTLS
/// and AUTH): mail in becomes a case, the acknowledgement and the answer reach the sender's mailbox
/// in one thread, replies join their case, machines' mail never loops.
/// </summary>
public abstract class MailChannelScenarios(TestDatabases databases, Store store)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Citizen = "citizen1@example.test";

    [Fact]
    public async Task MailToInfo_BecomesACase_AndTheSenderGetsAPersianAcknowledgementWithTheTrackingCode()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var app = await StartAppAsync(mail);

        var sent = Mail(Citizen, "قطعی برق خیابان فردوسی", "برق خیابان فردوسی از دیشب قطع است؛ لطفاً رسیدگی کنید.", "مریم احمدی");
        await mail.SendAsync(sent);

        var ack = await mail.WaitForMessageAsync(Citizen, m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        var code = TrackingCodeIn(ack);
        Assert.Contains(code, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", ack.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("قطعی برق خیابان فردوسی", ack.Subject, StringComparison.Ordinal);
        Assert.Equal(sent.MessageId, ack.InReplyTo);
        var @case = await CaseAsync(app, code);
        Assert.Equal(("email-inquiry", Citizen, "مریم احمدی"), (@case.Type, @case.Citizen.Email, @case.Citizen.Name));
        Assert.Contains("خیابان فردوسی از دیشب", @case.Body, StringComparison.Ordinal);
        Assert.NotNull(@case.ExpectedAnswerAt);
        // The promised day, as the receipt, the tracking page and the SMS show it (issue 15: one date everywhere).
        Assert.Contains(Domain.Calendar.JalaliDate.Format(@case.ExpectedAnswerAt.Value, withTime: false), ack.TextBody, StringComparison.Ordinal);
        using var edesk = await app.LoginAsync("edesk");
        Assert.NotNull(await CaseApi.TaskForAsync(edesk, code));
    }

    [Fact]
    public async Task ReplyToTheAcknowledgement_JoinsTheSameCase_AndWrongTagsOpenNewOnes()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var app = await StartAppAsync(mail);
        await mail.SendAsync(Mail(Citizen, "درخواست نصب کنتور", "برای خانه تازه‌ساز خود کنتور می‌خواهم."));
        var ack = await mail.WaitForMessageAsync(Citizen, m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        var code = TrackingCodeIn(ack);

        // A reply by In-Reply-To, then one that kept only the tag in its subject.
        var reply = Mail(Citizen, "Re: " + ack.Subject, "شماره پرونده ملکی: ۱۲۳۴۵");
        reply.InReplyTo = ack.MessageId;
        await mail.SendAsync(reply);
        await mail.SendAsync(Mail(Citizen, "پیگیری " + SubjectTag.For(code), "هنوز پاسخی نگرفته‌ام."));
        // The same tag from someone else, and a tag whose check digit is wrong, are new mail.
        await mail.SendAsync(Mail("stranger@example.test", "Re: " + SubjectTag.For(code), "من هم همین مشکل را دارم."));
        var wrong = code[..^1] + (char)('0' + ((code[^1] - '0' + 1) % 10));
        await mail.SendAsync(Mail(Citizen, "Re: " + SubjectTag.For(wrong), "پیام با برچسب نادرست"));

        var thread = await Eventually.GetAsync(async () =>
        {
            await using var db = await Db(app);
            var all = await db.CaseMail.AsNoTracking().Where(m => m.Direction == MailDirection.In).ToListAsync();
            return all.Count == 5 ? all : null;
        }, Patience, "the five mails to be received");
        var caseId = (await CaseAsync(app, code)).Id;
        Assert.Equal(2, thread.Count(m => m.CaseId == caseId && m.Disposition == MailDisposition.Reply));
        Assert.Equal(3, thread.Count(m => m.Disposition == MailDisposition.NewCase));
        using var auditor = await app.LoginAsync("auditor");
        Assert.Equal(2, (await CaseApi.HistoryAsync(auditor, code)).Count(e => e["type"]?.GetValue<string>() == "citizen.message-received"));
        using var edesk = await app.LoginAsync("edesk");
        var bell = (await edesk.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/notices"))!["notices"]!.AsArray();
        Assert.Equal(2, bell.Count(n => n!["kind"]!.GetValue<string>() == "citizen-replied" && n["trackingCode"]!.GetValue<string>() == code));
        var toldAboutTag = await mail.WaitForMessageAsync(Citizen, m => (m.TextBody ?? "").Contains("برچسب", StringComparison.Ordinal) && (m.TextBody ?? "").Contains(wrong, StringComparison.Ordinal), Patience);
        Assert.DoesNotContain(code, toldAboutTag.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoRepliesAndBounces_NeverLoop_AndABounceMarksTheAddressUndeliverable()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var app = await StartAppAsync(mail);
        await mail.SendAsync(Mail(Citizen, "قطعی برق", "برق محله ما قطع است."));
        var ack = await mail.WaitForMessageAsync(Citizen, m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        var code = TrackingCodeIn(ack);

        var outOfOffice = Mail(Citizen, "Automatic reply: " + ack.Subject, "I am out of the office.");
        outOfOffice.InReplyTo = ack.MessageId;
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await mail.SendAsync(outOfOffice);
        var newsletter = Mail("news@list.example.test", "خبرنامه هفتگی", "اخبار این هفته در پیوند زیر.");
        newsletter.Headers.Add(HeaderId.ListId, "<weekly.list.example.test>");
        newsletter.Headers.Add(HeaderId.Precedence, "bulk");
        await mail.SendAsync(newsletter);
        await mail.SendAsync(Bounce(ack.MessageId!, Citizen), new MailboxAddress("", ""), [MailboxAddress.Parse(mail.InfoAddress)]);

        await Eventually.GetAsync(async () =>
        {
            await using var db = await Db(app);
            return await db.CaseMail.CountAsync(m => m.Direction == MailDirection.In) == 4 ? "received" : null;
        }, Patience, "the four mails to be received");
        await app.OutboxDrainedAsync();
        await using (var db = await Db(app))
        {
            Assert.Equal(2, await db.Cases.CountAsync());
            var newsletterCase = await db.CaseMail.SingleAsync(m => m.Address == "news@list.example.test" && m.Direction == MailDirection.In);
            Assert.Equal(MailDisposition.Suppressed, (await db.CaseMail.SingleAsync(m => m.CaseId == newsletterCase.CaseId && m.Direction == MailDirection.Out)).Disposition);
            Assert.NotNull((await CaseAsync(app, code)).Citizen.EmailUndeliverableAt);
        }

        Assert.Single(await mail.MessagesAsync(Citizen));
        Assert.Empty(await mail.MessagesAsync("news@list.example.test"));
        Assert.DoesNotContain(await mail.MessagesAsync(mail.InfoAddress), m => m.From.Mailboxes.Any(f => f.Address == mail.InfoAddress));
    }

    [Fact]
    public async Task PersianInEveryEncoding_HtmlOnlyMail_AndAHugeAttachment_AreReadRight()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var app = await StartAppAsync(mail);
        const string text = "کنتور خانه ما خراب است و عدد نادرست نشان می‌دهد.";

        var legacy = Mail("legacy@example.test", "کنتور خراب", text);
        var windows1256 = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        windows1256.SetText(Encoding.GetEncoding("windows-1256"), text);
        legacy.Body = windows1256;
        await mail.SendAsync(legacy);
        var html = Mail("html@example.test", "کنتور خراب", text);
        html.Body = new TextPart("html") { Text = $"<html><body dir=\"rtl\"><p>{text}</p><script>alert(1)</script></body></html>" };
        await mail.SendAsync(html);
        var huge = Mail("huge@example.test", "عکس کنتور", text);
        var body = new BodyBuilder { TextBody = text };
        body.Attachments.Add("meter.jpg", JpegOf(30 * 1024 * 1024));
        body.Attachments.Add("bill.pdf", "%PDF-1.4\n"u8.ToArray());
        huge.Body = body.ToMessageBody();
        await mail.SendAsync(huge);

        foreach (var sender in new[] { "legacy@example.test", "html@example.test" })
        {
            var ack = await mail.WaitForMessageAsync(sender, m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
            Assert.Equal(text, (await CaseAsync(app, TrackingCodeIn(ack))).Body);
        }

        var hugeAck = await mail.WaitForMessageAsync("huge@example.test", m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        Assert.Contains("meter.jpg", hugeAck.TextBody, StringComparison.Ordinal);
        await using var db = await Db(app);
        var hugeCase = await CaseAsync(app, TrackingCodeIn(hugeAck));
        var kept = await db.Attachments.AsNoTracking().Where(a => a.CaseId == hugeCase.Id).ToListAsync();
        Assert.Equal("bill.pdf", Assert.Single(kept).FileName);
    }

    [Fact]
    public async Task PublishedAnswer_ArrivesInTheSameThread_AndOnThePortal()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var app = await StartAppAsync(mail);
        var question = Mail(Citizen, "ساعت کار دفتر", "دفتر خدمات مشترکین در روزهای پنجشنبه باز است؟");
        await mail.SendAsync(question);
        var ack = await mail.WaitForMessageAsync(Citizen, m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        var code = TrackingCodeIn(ack);

        using var edesk = await app.LoginAsync("edesk");
        var task = await Eventually.GetAsync(() => CaseApi.TaskForAsync(edesk, code), Patience, "the e-desk task");
        var done = await CaseApi.CompleteAsync(edesk, task["id"]!.GetValue<string>(), "answer", new { answer = "بله، پنجشنبه‌ها تا ساعت ۱۲ باز است." });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());

        var answer = await mail.WaitForMessageAsync(Citizen, m => m.MessageId != ack.MessageId && (m.TextBody ?? "").Contains("پنجشنبه‌ها تا ساعت", StringComparison.Ordinal), Patience);
        Assert.Equal(question.MessageId, answer.InReplyTo);
        Assert.Contains(ack.MessageId, answer.References);
        Assert.Contains(SubjectTag.For(code), answer.Subject, StringComparison.Ordinal);
        var tracked = await CaseApi.TrackAsync(app.Anonymous(), code);
        Assert.Contains("پنجشنبه‌ها تا ساعت", tracked["answer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAskingForMore_MailsTheQuestion_AndTheCitizensReplyResumesTheCase()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var app = await StartAppAsync(mail);
        await mail.SendAsync(Mail(Citizen, "قبض نادرست", "قبض این ماه من خیلی زیاد آمده است."));
        var ack = await mail.WaitForMessageAsync(Citizen, m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        var code = TrackingCodeIn(ack);
        using var edesk = await app.LoginAsync("edesk");
        var task = await Eventually.GetAsync(() => CaseApi.TaskForAsync(edesk, code), Patience, "the e-desk task");

        var asked = await CaseApi.CompleteAsync(edesk, task["id"]!.GetValue<string>(), "ask", new { question = "شماره اشتراک شما چیست؟" });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var question = await mail.WaitForMessageAsync(Citizen, m => (m.TextBody ?? "").Contains("شماره اشتراک شما چیست؟", StringComparison.Ordinal), Patience);
        Assert.Equal("awaiting-citizen", (await CaseApi.TrackAsync(app.Anonymous(), code))["status"]!.GetValue<string>());
        Assert.Null(await CaseApi.TaskForAsync(edesk, code));

        var reply = Mail(Citizen, "Re: " + question.Subject, "شماره اشتراک من ۱۲۳۴۵۶۷۸ است.");
        reply.InReplyTo = question.MessageId;
        await mail.SendAsync(reply);

        var reopened = await Eventually.GetAsync(() => CaseApi.TaskForAsync(edesk, code), Patience, "the e-desk task to open again with the reply");
        Assert.NotEqual(task["id"]!.GetValue<string>(), reopened["id"]!.GetValue<string>());
        Assert.NotEqual("awaiting-citizen", (await CaseApi.TrackAsync(app.Anonymous(), code))["status"]!.GetValue<string>());
        await using var db = await Db(app);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == db.Cases.Single(c => c.TrackingCode == code).Id);
        Assert.Contains("12345678", Domain.Text.PersianText.ToAsciiDigits(instance.Variables["citizenReply"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestartInTheMiddleOfTheMailbox_NeitherLosesNorDoublesAMail()
    {
        await using var mail = await TestMailServer.StartAsync();
        var database = await databases.CreateAsync(store);
        const int count = 12;
        for (var i = 0; i < count; i++)
        {
            await mail.SendAsync(Mail($"c{i}@example.test", $"پیام شماره {i}", $"متن پیام شماره {i} برای آزمون."));
        }

        await using (var first = await StartAppAsync(mail, database))
        {
            await Eventually.GetAsync(() => Task.FromResult(first.Service<ImapIntake>().Received >= 4 ? "some" : null), Patience, "the first mails to be read");
        }

        // As if the node died after committing mails but before moving the cursor past them: read again from the start.
        await using (var db = await DbOn(database))
        {
            await db.MailboxCursors.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUid, 0L).SetProperty(c => c.Holder, (string?)null));
        }

        await using var second = await StartAppAsync(mail, database);
        await Eventually.GetAsync(async () =>
        {
            await using var db = await Db(second);
            return await db.Cases.CountAsync() >= count && await db.CaseMail.CountAsync(m => m.Direction == MailDirection.In) >= count ? "all" : null;
        }, Patience, "every mail to become a case");
        await second.OutboxDrainedAsync();
        await using (var db = await Db(second))
        {
            Assert.Equal(count, await db.Cases.CountAsync());
            Assert.Equal(count, await db.CaseMail.CountAsync(m => m.Direction == MailDirection.Out));
        }

        for (var i = 0; i < count; i++)
        {
            Assert.Single(await mail.MessagesAsync($"c{i}@example.test"));
        }
    }

    [Fact]
    public async Task TwoNodesOnOneDatabase_ReadTheMailboxOneAtATime_AndTheSecondTakesOverWhenTheFirstStops()
    {
        await using var mail = await TestMailServer.StartAsync();
        var database = await databases.CreateAsync(store);
        var first = await StartAppAsync(mail, database);
        var second = await StartAppAsync(mail, database);
        for (var i = 0; i < 6; i++)
        {
            await mail.SendAsync(Mail($"n{i}@example.test", $"پیام شماره {i}", $"متن پیام شماره {i} برای آزمون دو گره."));
        }

        await Eventually.GetAsync(async () =>
        {
            await using var db = await Db(second);
            return await db.Cases.CountAsync() == 6 ? "all" : null;
        }, Patience, "the six mails to become cases");
        Assert.Equal(6, first.Service<ImapIntake>().Received + second.Service<ImapIntake>().Received);
        Assert.True(first.Service<ImapIntake>().Received == 0 || second.Service<ImapIntake>().Received == 0, "both nodes read the mailbox");

        var reader = first.Service<ImapIntake>().Received > 0 ? first : second;
        var other = reader == first ? second : first;
        await reader.DisposeAsync();
        await mail.SendAsync(Mail("late@example.test", "پیام دیرتر", "این پیام پس از توقف گره نخست رسید."));
        await mail.WaitForMessageAsync("late@example.test", m => (m.Subject ?? "").Contains("[SKED-", StringComparison.Ordinal), Patience);
        Assert.Equal(1, other.Service<ImapIntake>().Received);
        await other.DisposeAsync();
    }

    [Fact]
    public async Task ManyMailsFromOneSender_GetAtMostTheHourlyNumberOfAcknowledgements()
    {
        await using var mail = await TestMailServer.StartAsync(new Testing.MailServerOptions { Idle = false });
        await using var app = await StartAppAsync(mail, settings: new Dictionary<string, string> { ["Mail:AcknowledgementsPerSenderPerHour"] = "2", ["Mail:PollSeconds"] = "1" });
        for (var i = 0; i < 4; i++)
        {
            await mail.SendAsync(Mail("flood@example.test", $"پیام {i}", $"متن پیام شماره {i} برای آزمون سقف."));
        }

        await Eventually.GetAsync(async () =>
        {
            await using var db = await Db(app);
            return await db.Cases.CountAsync() == 4 ? "all" : null;
        }, Patience, "every mail to become a case (by polling, the server offers no IDLE)");
        await app.OutboxDrainedAsync();
        Assert.Equal(2, (await mail.MessagesAsync("flood@example.test")).Count);
    }

    private Task<TestApp> StartAppAsync(TestMailServer mail, DatabaseTarget? database = null, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAppAsync(mail, database, settings, databases, store);

    private static async Task<TestApp> StartAppAsync(TestMailServer mail, DatabaseTarget? database, IReadOnlyDictionary<string, string>? settings, TestDatabases databases, Store store)
    {
        var values = new Dictionary<string, string>(mail.AppSettings(), StringComparer.Ordinal)
        {
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["Mail:LeaseSeconds"] = "6",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return await TestApp.StartAsync(database ?? await databases.CreateAsync(store), settings: values);
    }

    private static MimeMessage Mail(string from, string subject, string text, string? name = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.test") };
        message.From.Add(new MailboxAddress(name ?? string.Empty, from));
        message.To.Add(MailboxAddress.Parse("info@sked.test"));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>A delivery-status notification as an MTA writes it for a mail that could not be delivered.</summary>
    private static MimeMessage Bounce(string bouncedMessageId, string recipient)
    {
        var raw = "From: Mail Delivery System <MAILER-DAEMON@mx.example.test>\r\nTo: info@sked.test\r\nSubject: Mail delivery failed\r\n"
            + $"Message-ID: <{Guid.NewGuid():N}@mx.example.test>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nThis message could not be delivered.\r\n"
            + $"--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.test\r\n\r\nFinal-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            + $"--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <{bouncedMessageId}>\r\nSubject: x\r\n\r\n--b--\r\n";
        return MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw)));
    }

    private static byte[] JpegOf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF;
        return bytes;
    }

    private static string TrackingCodeIn(MimeMessage ack) =>
        SubjectTag.Find(ack.Subject ?? string.Empty).Code?.Value ?? throw new InvalidOperationException($"no tag in '{ack.Subject}'");

    private static async Task<Domain.Cases.CaseFile> CaseAsync(TestApp app, string code)
    {
        await using var db = await Db(app);
        return await db.Cases.AsNoTracking().SingleAsync(c => c.TrackingCode == code);
    }

    private static Task<SkedDbContext> Db(TestApp app) => app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();

    private static Task<SkedDbContext> DbOn(DatabaseTarget database) => Task.FromResult(AuditChecks.OpenDatabase(database));
}

public sealed class MailChannelOnSqlite(TestDatabases databases) : MailChannelScenarios(databases, Store.Sqlite);

public sealed class MailChannelOnPostgres(TestDatabases databases) : MailChannelScenarios(databases, Store.Postgres);
