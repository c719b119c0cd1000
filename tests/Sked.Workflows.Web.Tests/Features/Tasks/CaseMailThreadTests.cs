using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.Tasks;

/// <summary>The mail thread on the case page: who wrote, what became of each mail, long texts folded, and nobody named to a member the reporter is anonymous to.</summary>
public sealed class CaseMailThreadTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 8, 30, 0, TimeSpan.Zero);

    public CaseMailThreadTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void ACaseWithoutMail_ShowsNoThread()
    {
        var thread = Render<CaseMailThread>(p => p.Add(t => t.Thread, MailThread.None));

        Assert.Empty(thread.FindAll("#mail-thread"));
    }

    [Fact]
    public void EachMail_ShowsItsDirectionSenderDateAndFate_AndAnAcknowledgementNotSentSaysWhy()
    {
        var thread = Render<CaseMailThread>(p => p.Add(t => t.Thread, new MailThread(
            [Item(Mail(MailDirection.In, MailDisposition.NewCase)), Item(Mail(MailDirection.Out, MailDisposition.Suppressed, suppressed: AcknowledgementSuppressed.TooMany))], null, null)));

        var mails = thread.FindAll(".case-mail");
        Assert.Equal(2, mails.Count);
        Assert.Contains("از شهروند", mails[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("nader@example.ir", mails[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("نادر کرمانی", mails[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("پرونده را باز کرد", mails[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("۱۴۰۵/۰۹/۱۵ ۱۲:۰۰", mails[0].QuerySelector(".mail-at")!.TextContent.Trim());
        Assert.Contains("به شهروند", mails[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("فرستاده نشد: سقف رسیدهای یک فرستنده در ساعت پر شده بود", mails[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(thread.FindAll("#mail-undeliverable"));
    }

    [Fact]
    public void AnAnonymousReporter_IsNotNamedOnTheThread()
    {
        var thread = Render<CaseMailThread>(p => p
            .Add(t => t.Thread, new MailThread([Item(Mail(MailDirection.In, MailDisposition.NewCase))], null, null))
            .Add(t => t.SeesIdentity, false));

        Assert.DoesNotContain("nader@example.ir", thread.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("نادر", thread.Markup, StringComparison.Ordinal);
        Assert.Contains("ناشناس", thread.Find(".mail-who").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongText_IsFoldedUntilAskedFor_AndAFileLinksToItsDownload()
    {
        var text = string.Join('\n', Enumerable.Range(1, 8).Select(i => $"سطر {i}"));
        var file = new AttachmentInfo(Guid.CreateVersion7(), "قبض.pdf", "application/pdf", 3000);
        var thread = Render<CaseMailThread>(p => p.Add(t => t.Thread,
            new MailThread([new ThreadMail(Mail(MailDirection.In, MailDisposition.Reply, text), [file], false)], At, null)));

        Assert.Contains("folded", thread.Find(".mail-text").ClassList);
        Assert.Equal($"/staff/attachments/{file.Id}", thread.Find(".mail-attachment").GetAttribute("href"));
        Assert.Contains("۳ کیلوبایت", thread.Find(".mail-attachment").TextContent, StringComparison.Ordinal);
        Assert.Contains("تحویل‌ناپذیر", thread.Find("#mail-undeliverable").TextContent, StringComparison.Ordinal);

        thread.Find(".mail-toggle").Click();

        Assert.DoesNotContain("folded", thread.Find(".mail-text").ClassList);
    }

    private static ThreadMail Item(CaseMail mail) => new(mail, [], false);

    private static CaseMail Mail(MailDirection direction, MailDisposition disposition, string text = "مبلغ قبض این دوره با مصرف ما جور نیست.", string? suppressed = null) => new()
    {
        Direction = direction,
        MessageId = $"{Guid.NewGuid():N}@example.ir",
        Address = "nader@example.ir",
        DisplayName = "نادر کرمانی",
        Subject = "قبض اشتباه",
        Text = text,
        At = At,
        Disposition = disposition,
        SuppressedBecause = suppressed,
    };
}
