using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sked.Workflows.Testing;

/// <summary>
/// Trusts exactly one self-signed certificate, read from a PEM file: the test mail server's
/// certificate is in no trust store, so chain and name errors are expected and the bytes decide.
/// </summary>
public static class PinnedCertificate
{
    public static RemoteCertificateValidationCallback Trust(string pemFile)
    {
        using var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        var expected = pinned.RawData;
        return (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected);
    }
}
