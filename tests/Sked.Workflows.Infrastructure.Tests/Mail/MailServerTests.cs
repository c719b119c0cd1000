using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Mail;

/// <summary>The test mail server does what the mail channel's tests rely on (scripts/mail-dev.sh behind it).</summary>
public sealed class MailServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_mail_sent_to_any_address_arrives_in_its_inbox()
    {
        await using var server = await MailServer.StartAsync(TestContext.Current.CancellationToken);

        await server.SendAsync(Mail("citizen1@example.test", "citizen2@example.test", "درخواست قطعی برق"), TestContext.Current.CancellationToken);

        var arrived = await server.WaitForMessageAsync("citizen2@example.test", m => m.Subject == "درخواست قطعی برق", Patience, TestContext.Current.CancellationToken);
        Assert.Equal("citizen1@example.test", arrived.From.Mailboxes.Single().Address);
        Assert.Contains("سلام", arrived.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bounce_arrives_with_an_empty_return_path_and_addresses_ignore_case()
    {
        await using var server = await MailServer.StartAsync(TestContext.Current.CancellationToken);

        await server.SendAsync(Mail("mailer-daemon@example.test", server.InfoAddress, "Undelivered Mail"),
            new MailboxAddress("", ""), [MailboxAddress.Parse("Info@SKED.test")], TestContext.Current.CancellationToken);

        var bounce = await server.WaitForMessageAsync(server.InfoAddress, m => m.Subject == "Undelivered Mail", Patience, TestContext.Current.CancellationToken);
        Assert.Equal("<>", bounce.Headers[HeaderId.ReturnPath]);
    }

    [Fact]
    public async Task The_info_account_submits_with_starttls_and_auth_and_a_wrong_password_is_refused()
    {
        await using var server = await MailServer.StartAsync(TestContext.Current.CancellationToken);

        using (var client = await server.ConnectSmtpAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(client.IsSecure);
            Assert.Contains("PLAIN", client.AuthenticationMechanisms);
            Assert.Contains("LOGIN", client.AuthenticationMechanisms);
            await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(server.InfoAddress, "wrong", TestContext.Current.CancellationToken));
            await client.AuthenticateAsync(server.InfoAddress, server.InfoPassword, TestContext.Current.CancellationToken);
            await client.SendAsync(Mail(server.InfoAddress, "citizen1@example.test", "پاسخ"), TestContext.Current.CancellationToken);
        }

        await server.WaitForMessageAsync("citizen1@example.test", m => m.Subject == "پاسخ", Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_app_settings_name_this_server_and_log_in_to_the_info_mailbox()
    {
        await using var server = await MailServer.StartAsync(TestContext.Current.CancellationToken);
        var settings = server.AppSettings();

        Assert.Equal(server.InfoAddress, settings["Mail:Address"]);
        Assert.Equal(server.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), settings["Mail:Imap:Port"]);
        Assert.Equal(server.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), settings["Mail:Smtp:Port"]);
        Assert.Equal("StartTls", settings["Mail:Imap:Security"]);
        Assert.Equal(server.CertificateFile, settings["Mail:Imap:CertificateFile"]);
        Assert.True(File.Exists(settings["Mail:Smtp:CertificateFile"]));

        using var client = new ImapClient { ServerCertificateValidationCallback = PinnedCertificate.Trust(settings["Mail:Imap:CertificateFile"]) };
        await client.ConnectAsync(settings["Mail:Imap:Host"], int.Parse(settings["Mail:Imap:Port"], System.Globalization.CultureInfo.InvariantCulture), SecureSocketOptions.StartTls, TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(settings["Mail:Imap:User"], settings["Mail:Imap:Password"], TestContext.Current.CancellationToken);
        Assert.True(client.IsSecure);
    }

    [Fact]
    public async Task An_added_user_logs_in_over_imaps_and_smtps()
    {
        await using var server = await MailServer.StartAsync(TestContext.Current.CancellationToken);
        await server.AddUserAsync("staff@sked.test", "secret-1");

        using var imap = new ImapClient { ServerCertificateValidationCallback = PinnedCertificate.Trust(server.CertificateFile) };
        await imap.ConnectAsync(server.Host, server.ImapsPort, SecureSocketOptions.SslOnConnect, TestContext.Current.CancellationToken);
        await imap.AuthenticateAsync("staff@sked.test", "secret-1", TestContext.Current.CancellationToken);

        using var smtp = new MailKit.Net.Smtp.SmtpClient { ServerCertificateValidationCallback = PinnedCertificate.Trust(server.CertificateFile) };
        await smtp.ConnectAsync(server.Host, server.SmtpsPort, SecureSocketOptions.SslOnConnect, TestContext.Current.CancellationToken);
        await smtp.AuthenticateAsync("staff@sked.test", "secret-1", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_idle_client_is_woken_by_a_new_mail_within_seconds()
    {
        await using var server = await MailServer.StartAsync(TestContext.Current.CancellationToken);
        using var client = await server.ConnectImapAsync(TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(server.InfoAddress, server.InfoPassword, TestContext.Current.CancellationToken);
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.Idle));
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, TestContext.Current.CancellationToken);

        using var woken = new CancellationTokenSource(Patience);
        client.Inbox.CountChanged += (_, _) => woken.Cancel();
        var idle = client.IdleAsync(woken.Token, TestContext.Current.CancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await server.SendAsync(Mail("citizen1@example.test", server.InfoAddress, "بیدار شو"), TestContext.Current.CancellationToken);
        await idle;

        Assert.Equal(1, client.Inbox.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"IDLE woke after {clock.Elapsed}");
    }

    [Fact]
    public async Task Without_idle_the_server_does_not_offer_it()
    {
        await using var server = await MailServer.StartAsync(new MailServerOptions { Idle = false }, TestContext.Current.CancellationToken);
        using var client = await server.ConnectImapAsync(TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(server.InfoAddress, server.InfoPassword, TestContext.Current.CancellationToken);

        Assert.False(client.Capabilities.HasFlag(ImapCapabilities.Idle));
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.UidPlus));
    }

    [Fact]
    public async Task Two_servers_run_side_by_side()
    {
        var starting = new[] { MailServer.StartAsync(TestContext.Current.CancellationToken), MailServer.StartAsync(TestContext.Current.CancellationToken) };
        await using var first = await starting[0];
        await using var second = await starting[1];
        Assert.NotEqual(first.ImapPort, second.ImapPort);
        Assert.NotEqual(first.CertificateFile, second.CertificateFile);

        await first.SendAsync(Mail("citizen1@example.test", first.InfoAddress, "اولی"), TestContext.Current.CancellationToken);
        await second.SendAsync(Mail("citizen1@example.test", second.InfoAddress, "دومی"), TestContext.Current.CancellationToken);

        await first.WaitForMessageAsync(first.InfoAddress, m => m.Subject == "اولی", Patience, TestContext.Current.CancellationToken);
        await second.WaitForMessageAsync(second.InfoAddress, m => m.Subject == "دومی", Patience, TestContext.Current.CancellationToken);
        Assert.Single(await first.MessagesAsync(first.InfoAddress, TestContext.Current.CancellationToken));
        Assert.Single(await second.MessagesAsync(second.InfoAddress, TestContext.Current.CancellationToken));
    }

    private static MimeMessage Mail(string from, string to, string subject) => new(
        [MailboxAddress.Parse(from)], [MailboxAddress.Parse(to)], subject, new TextPart("plain") { Text = "سلام، این یک نامهٔ آزمایشی است." });
}
