using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// The arithmetic of the audit hash chain: hash(n) = HMAC-SHA256(key, hash(n−1) ‖ canonical(event n)),
/// with hash(0) = 32 zero bytes. The key is kept outside the database (Audit:ChainKey), so someone who
/// can write to the database but does not hold the key can neither alter, remove, reorder nor add an
/// event without breaking every later link. The canonical form is documented in docs/audit.md.
/// </summary>
public sealed class AuditChain
{
    public const int HashLength = 32;
    public const int MinimumKeyLength = 32;
    private const byte FormatVersion = 1;

    private readonly byte[] _key;

    public AuditChain(byte[] key)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"the audit chain key must have at least {MinimumKeyLength} bytes.", nameof(key));
        }

        _key = key.ToArray();
        KeyFingerprint = Hex(SHA256.HashData(_key));
    }

    /// <summary>SHA-256 of the key, hex: published with exports so whoever is given the key can tell it is the right one.</summary>
    public string KeyFingerprint { get; }

    /// <summary>The "previous hash" of the first event.</summary>
    public static byte[] Genesis() => new byte[HashLength];

    /// <summary>
    /// Instants enter the chain with microsecond precision, the finest PostgreSQL stores, so a hash
    /// computed before the insert still holds for the value read back on either store.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    /// <summary>A linker for one thread: it reuses its HMAC state and buffer, for the verifier's loop.</summary>
    public Linker CreateLinker() => new(_key);

    public byte[] Link(ReadOnlySpan<byte> previous, AuditEvent audit)
    {
        using var linker = CreateLinker();
        return linker.Link(previous, audit);
    }

    /// <summary>Computes links with one HMAC state; not thread-safe.</summary>
    public sealed class Linker : IDisposable
    {
        private readonly IncrementalHash _hmac;
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);

        internal Linker(byte[] key) => _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

        public byte[] Link(ReadOnlySpan<byte> previous, AuditEvent audit)
        {
            var hash = new byte[HashLength];
            Compute(previous, audit, hash);
            return hash;
        }

        /// <summary>
        /// Whether the event's stored hash is the link of its fields to <paramref name="previous"/>. The
        /// sealer stores the time at the microsecond it hashes, so a stored time with a finer part was
        /// changed afterwards, however little (issue 16).
        /// </summary>
        public bool Matches(ReadOnlySpan<byte> previous, AuditEvent audit)
        {
            if (audit.At != Normalize(audit.At))
            {
                return false;
            }

            Span<byte> hash = stackalloc byte[HashLength];
            Compute(previous, audit, hash);
            return hash.SequenceEqual(audit.Hash);
        }

        private void Compute(ReadOnlySpan<byte> previous, AuditEvent audit, Span<byte> destination)
        {
            _buffer.ResetWrittenCount();
            Write(_buffer, audit);
            _hmac.AppendData(previous);
            _hmac.AppendData(_buffer.WrittenSpan);
            _hmac.GetHashAndReset(destination);
        }

        public void Dispose() => _hmac.Dispose();
    }

    /// <summary>
    /// The canonical bytes of an event: a format byte, then every field in a fixed order, integers
    /// big-endian, text as UTF-8 with its length in front (−1 for none), so no two events share bytes.
    /// The row's Id is not part of it: the database assigns it, the chain's order is <c>Seq</c>.
    /// </summary>
    internal static void Write(IBufferWriter<byte> output, AuditEvent audit)
    {
        Byte(output, FormatVersion);
        Int64(output, audit.Seq);
        Int64(output, Normalize(audit.At).UtcTicks / 10);
        Text(output, audit.Type);
        Text(output, audit.Actor);
        Id(output, audit.CaseId);
        Text(output, audit.TrackingCode);
        Id(output, audit.InstanceId);
        Text(output, audit.DefinitionId);
        Number(output, audit.DefinitionVersion);
        Text(output, audit.Data);
        Text(output, audit.ClientAddress);
    }

    private static void Byte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static void Int64(IBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static void Int32(IBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void Text(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            Int32(output, -1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        Int32(output, length);
        Encoding.UTF8.GetBytes(value, output.GetSpan(length));
        output.Advance(length);
    }

    private static void Id(IBufferWriter<byte> output, Guid? value)
    {
        Byte(output, value is null ? (byte)0 : (byte)1);
        if (value is { } id)
        {
            id.TryWriteBytes(output.GetSpan(16), bigEndian: true, out _);
            output.Advance(16);
        }
    }

    private static void Number(IBufferWriter<byte> output, int? value)
    {
        Byte(output, value is null ? (byte)0 : (byte)1);
        if (value is { } number)
        {
            Int32(output, number);
        }
    }
}
