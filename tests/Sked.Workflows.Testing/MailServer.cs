using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Sked.Workflows.Testing;

/// <summary>
/// A real mail server on 127.0.0.1 for one test: Dovecot (IMAP with STARTTLS and IDLE, LMTP) and Exim
/// (SMTP with STARTTLS and AUTH), started by scripts/mail-dev.sh — the same configuration a developer
/// runs by hand — on free ports in a temp folder, and removed at the end. Every address is a mailbox;
/// the tests read any of them through Dovecot's master login, citizens send without logging in.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private static readonly string Script = Path.Combine(RepositoryFolder.Root, "scripts", "mail-dev.sh");
    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private MailServer(string folder, Dictionary<string, string> environment, IReadOnlyDictionary<string, string> settings)
    {
        _folder = folder;
        _environment = environment;
        _settings = settings;
        ImapPort = int.Parse(environment["MAIL_IMAP_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        ImapsPort = int.Parse(environment["MAIL_IMAPS_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        SmtpPort = int.Parse(environment["MAIL_SMTP_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        SmtpsPort = int.Parse(environment["MAIL_SMTPS_PORT"], System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Host => _settings["Mail:Imap:Host"];

    public int ImapPort { get; }

    /// <summary>IMAP with TLS from the first byte (SslOnConnect).</summary>
    public int ImapsPort { get; }

    public int SmtpPort { get; }

    /// <summary>SMTP with TLS from the first byte (SslOnConnect).</summary>
    public int SmtpsPort { get; }

    /// <summary>The servers' self-signed certificate (PEM); clients pin it.</summary>
    public string CertificateFile => Path.Combine(_folder, "etc", "cert.pem");

    /// <summary>The app's own mailbox, info@sked.test.</summary>
    public string InfoAddress => _settings["Mail:Address"];

    public string InfoPassword => _settings["Mail:Imap:Password"];

    public static Task<MailServer> StartAsync(CancellationToken ct = default) => StartAsync(new MailServerOptions(), ct);

    public static async Task<MailServer> StartAsync(MailServerOptions options, CancellationToken ct = default)
    {
        // A port taken between choosing and binding makes the script fail; another set of ports then.
        for (var attempt = 1; ; attempt++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "sked-mail-" + Guid.NewGuid().ToString("N")[..8]);
            var environment = Environment(options, FreePorts(4));
            try
            {
                var output = await RunScriptAsync(environment, ct, "start", folder);
                return new MailServer(folder, environment, ParseSettings(output));
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await RunScriptAsync(environment, ct, "stop", folder);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>Adds (or changes the password of) an account that can log in to IMAP and SMTP.</summary>
    public Task AddUserAsync(string address, string password) =>
        RunScriptAsync(_environment, CancellationToken.None, "add-user", address, password, _folder);

    /// <summary>The app's <c>Mail:*</c> configuration for this server, as the script prints it.</summary>
    public IReadOnlyDictionary<string, string> AppSettings() => _settings;

    /// <summary>Submits a mail as a citizen would: STARTTLS, no login, any sender; recipients from its headers.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        using var client = await ConnectSmtpAsync(ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>
    /// Submits a mail with an envelope of its own (no login): a bounce has an empty sender
    /// (<c>new MailboxAddress("", "")</c>, sent as MAIL FROM:&lt;&gt;), a Bcc copy a recipient not in the headers.
    /// </summary>
    public async Task SendAsync(MimeMessage message, MailboxAddress sender, IEnumerable<MailboxAddress> recipients, CancellationToken ct = default)
    {
        using var client = await ConnectSmtpAsync(ct);
        await client.SendAsync(message, sender, recipients, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>An SMTP client connected with STARTTLS (pinned certificate), not yet authenticated.</summary>
    public async Task<SmtpClient> ConnectSmtpAsync(CancellationToken ct = default)
    {
        var client = new SmtpClient { ServerCertificateValidationCallback = PinnedCertificate.Trust(CertificateFile) };
        await client.ConnectAsync(Host, SmtpPort, SecureSocketOptions.StartTls, ct);
        return client;
    }

    /// <summary>An IMAP client connected with STARTTLS (pinned certificate), not yet authenticated.</summary>
    public async Task<ImapClient> ConnectImapAsync(CancellationToken ct = default)
    {
        var client = new ImapClient { ServerCertificateValidationCallback = PinnedCertificate.Trust(CertificateFile) };
        await client.ConnectAsync(Host, ImapPort, SecureSocketOptions.StartTls, ct);
        return client;
    }

    /// <summary>The INBOX of any address, oldest first, read over IMAP with the master login.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync(string address, CancellationToken ct = default)
    {
        using var client = await ConnectImapAsync(ct);
        await client.AuthenticateAsync(address + "*master", await MasterPasswordAsync(ct), ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var messages = new List<MimeMessage>();
        for (var index = 0; index < client.Inbox.Count; index++)
        {
            messages.Add(await client.Inbox.GetMessageAsync(index, ct));
        }

        await client.DisconnectAsync(quit: true, ct);
        return messages;
    }

    public async Task<MimeMessage> WaitForMessageAsync(string address, Func<MimeMessage, bool> match, TimeSpan timeout, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = await MessagesAsync(address, ct);
            var found = messages.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0}s for a matching mail to {address}; its inbox holds: "
                    + string.Join(" | ", messages.Select(m => m.Subject)));
            }

            await Task.Delay(200, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunScriptAsync(_environment, CancellationToken.None, "stop", _folder);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<string> MasterPasswordAsync(CancellationToken ct) =>
        (await File.ReadAllTextAsync(Path.Combine(_folder, "etc", "masters"), ct)).Split(':')[1];

    private static Dictionary<string, string> Environment(MailServerOptions options, int[] ports) => new()
    {
        ["MAIL_IMAP_PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MAIL_IMAPS_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MAIL_SMTP_PORT"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MAIL_SMTPS_PORT"] = ports[3].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MAIL_IDLE"] = options.Idle ? "yes" : "no",
        ["MAIL_INFO_PASSWORD"] = options.InfoPassword ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
    };

    /// <summary>The script's <c>Mail__Imap__Port=1143</c> lines as configuration keys (<c>Mail:Imap:Port</c>).</summary>
    private static Dictionary<string, string> ParseSettings(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("Mail__", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Replace("__", ":", StringComparison.Ordinal), pair => pair[1]);

    /// <summary>Distinct free ports: all listeners stay open until every port is chosen.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    private static async Task<string> RunScriptAsync(Dictionary<string, string> environment, CancellationToken ct, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        info.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Script);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }

        return await output;
    }
}
