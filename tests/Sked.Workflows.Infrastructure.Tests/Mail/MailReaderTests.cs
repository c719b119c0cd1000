using System.Text;
using MimeKit;
using Sked.Workflows.Infrastructure.Mail;

namespace Sked.Workflows.Infrastructure.Tests.Mail;

/// <summary>Mail as citizens' programs send it (raw MIME, parsed by MimeKit) becomes the text and files a case keeps.</summary>
public sealed class MailReaderTests
{
    private const string Persian = "برق کوچه ما دو روز است که قطع است؛ لطفاً رسیدگی کنید.";
    private static readonly MailOptions Options = new() { Address = "info@sked.test" };

    static MailReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Windows1256QuotedPrintable_IsReadAsPersian()
    {
        var qp = QuotedPrintable(Encoding.GetEncoding("windows-1256").GetBytes(Persian));
        var mail = Read($"Content-Type: text/plain; charset=windows-1256\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n");

        Assert.Equal(Persian, mail.Text);
    }

    [Fact]
    public void Utf8Base64WithEncodedSubject_IsReadAsPersian()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Persian), Base64FormattingOptions.InsertLineBreaks);
        var subject = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("قطعی برق")) + "?=";
        var mail = Read($"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}\r\n", subject);

        Assert.Equal(Persian, mail.Text);
        Assert.Equal("قطعی برق", mail.Subject);
    }

    [Fact]
    public void HtmlOnlyMail_BecomesPlainTextWithoutScriptsOrTags()
    {
        var html = "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body dir=\"rtl\"><p>سلام،</p><div>"
            + Persian + "<br><a href=\"http://evil.test\">اینجا</a></div></body></html>";
        var mail = Read($"Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n");

        Assert.Equal("سلام،\n\n" + Persian + "\nاینجا", mail.Text);
    }

    [Fact]
    public void Attachments_AreKeptByTheirBytesAndRefusedWithAReason()
    {
        var pdf = "%PDF-1.4\n1 0 obj\n"u8.ToArray();
        var big = new byte[Options.MaxAttachmentBytes + 1];
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        var message = new MimeMessage { Subject = "مدارک" };
        message.From.Add(new MailboxAddress("", "citizen@example.test"));
        var builder = new BodyBuilder { TextBody = Persian };
        builder.Attachments.Add("bill.pdf", pdf);
        builder.Attachments.Add("photo.jpg", big);
        builder.Attachments.Add("run.exe", "MZ\x90\0"u8.ToArray());
        message.Body = builder.ToMessageBody();

        var mail = MailReader.Read(message, Options);

        var kept = Assert.Single(mail.Attachments);
        Assert.Equal(("bill.pdf", "application/pdf"), (kept.FileName, kept.ContentType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), kept.Sha256);
        Assert.Equal(2, mail.Refused.Count);
        Assert.Contains("photo.jpg", mail.Refused[0], StringComparison.Ordinal);
        Assert.Contains("run.exe", mail.Refused[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Precedence: bulk")]
    [InlineData("Precedence: list")]
    [InlineData("List-Id: <news.example.test>")]
    [InlineData("Return-Path: <>")]
    public void MailAMachineSent_IsAutomatic(string header)
    {
        var mail = Read("Content-Type: text/plain; charset=utf-8\r\n\r\nOut of office\r\n", extraHeader: header);

        Assert.NotNull(mail.Automatic);
    }

    [Fact]
    public void MailAPersonSent_IsNotAutomatic()
    {
        var mail = Read("Content-Type: text/plain; charset=utf-8\r\n\r\nسلام\r\n", extraHeader: "Auto-Submitted: no");

        Assert.Null(mail.Automatic);
        Assert.False(mail.IsBounce);
    }

    [Fact]
    public void DeliveryStatusNotification_IsABounceNamingTheMailThatBounced()
    {
        var report = "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
            + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.test\r\n\r\nFinal-Recipient: rfc822; gone@example.test\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <abc123@sked.test>\r\nSubject: x\r\n\r\n"
            + "--b--\r\n";
        var mail = Read(report, from: "MAILER-DAEMON@mx.example.test", extraHeader: "Auto-Submitted: auto-replied");

        Assert.True(mail.IsBounce);
        Assert.Equal("abc123@sked.test", mail.BouncedMessageId);
    }

    [Fact]
    public void MailWithoutMessageId_GetsTheSameStandInIdEachTimeItIsRead()
    {
        const string raw = "From: citizen@example.test\r\nSubject: x\r\nDate: Sun, 06 Dec 2026 08:00:00 +0330\r\nContent-Type: text/plain\r\n\r\nhello\r\n";

        Assert.Equal(Parse(raw).MessageId, Parse(raw).MessageId);
        Assert.NotEqual(Parse(raw).MessageId, Parse(raw.Replace("hello", "hello!", StringComparison.Ordinal)).MessageId);
    }

    [Theory]
    [InlineData("Re: پاسخ [SKED-1234567890123]", "[SKED-1234567890123]")]
    [InlineData("[sked - ۱۲۳۴۵۶۷۸۹۰۱۲۳] پیگیری", "[sked - 1234567890123]")]
    public void SubjectTag_IsFoundInPersianOrLatinDigits(string subject, string written) =>
        Assert.Equal(written, SubjectTag.Find(subject).Written);

    [Fact]
    public void SubjectTag_WithAWrongCheckDigit_IsFoundButNamesNoCase()
    {
        var code = Domain.TrackingCodes.TrackingCode.New().Value;
        var wrong = code[..^1] + (char)('0' + ((code[^1] - '0' + 1) % 10));

        Assert.Equal(code, SubjectTag.Find("Re: " + SubjectTag.For(code)).Code?.Value);
        Assert.Null(SubjectTag.Find("Re: " + SubjectTag.For(wrong)).Code);
    }

    private static InboundMail Read(string bodyPart, string subject = "پیام", string from = "citizen@example.test", string? extraHeader = null)
    {
        var headers = $"From: Citizen <{from}>\r\nTo: info@sked.test\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.test>\r\nMIME-Version: 1.0\r\n"
            + (extraHeader is null ? string.Empty : extraHeader + "\r\n");
        return Parse(headers + bodyPart);
    }

    private static InboundMail Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        return MailReader.Read(MimeMessage.Load(stream), Options);
    }

    private static string QuotedPrintable(byte[] bytes)
    {
        var text = new StringBuilder();
        var line = 0;
        foreach (var b in bytes)
        {
            var piece = b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : b == ' ' ? " " : $"={b:X2}";
            if (line + piece.Length > 72)
            {
                text.Append("=\r\n");
                line = 0;
            }

            text.Append(piece);
            line += piece.Length;
        }

        return text.ToString();
    }
}
