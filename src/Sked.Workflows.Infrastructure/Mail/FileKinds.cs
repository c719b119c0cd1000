namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>The kinds of file a mail may bring to a case, judged by their first bytes and never by their names.</summary>
public static class FileKinds
{
    private static readonly (byte[] Magic, string ContentType)[] Accepted =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ("%PDF-"u8.ToArray(), "application/pdf"),
    ];

    /// <summary>The content type the bytes are, or null when they are none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, contentType) in Accepted)
        {
            if (content.StartsWith(magic))
            {
                return contentType;
            }
        }

        return null;
    }
}
