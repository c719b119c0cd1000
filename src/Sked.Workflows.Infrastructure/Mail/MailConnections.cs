using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>Connects and logs in a MailKit client (IMAP or SMTP) as configured, trusting the configured certificate besides the system's.</summary>
internal static class MailConnections
{
    public static async Task ConnectAsync(IMailService client, MailServerOptions server, CancellationToken cancellationToken)
    {
        if (server.CertificateFile is { Length: > 0 } file)
        {
            var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(file));
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && Pinned(trusted, certificate));
        }

        client.Timeout = 60_000;
        await client.ConnectAsync(server.Host ?? throw new InvalidOperationException("no mail server host configured."), server.Port, server.Security, cancellationToken);
        if (!string.IsNullOrEmpty(server.User))
        {
            await client.AuthenticateAsync(server.User, server.Password ?? string.Empty, cancellationToken);
        }
    }

    private static bool Pinned(X509Certificate2 trusted, X509Certificate certificate) =>
        certificate.GetCertHashString() == trusted.GetCertHashString();
}
