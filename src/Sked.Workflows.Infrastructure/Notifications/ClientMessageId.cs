using System.Security.Cryptography;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// The operators' client message ids (Kavenegar's localid, Magfa's uid) are numbers, our outbox ids
/// GUIDs: the number is the first 63 bits of the SHA-256 of the GUID, the same on every node and
/// after every restart, so a retry always asks after the id the first try used.
/// </summary>
public static class ClientMessageId
{
    public static long Of(Guid id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(id.ToByteArray(), hash);
        // Positive and never zero: some operators read 0 as "no id".
        return Math.Max(1, BitConverter.ToInt64(hash) & long.MaxValue);
    }
}
