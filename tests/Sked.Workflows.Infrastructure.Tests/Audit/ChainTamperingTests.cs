using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Infrastructure.Tests.Audit;

/// <summary>The chain's arithmetic and the verifier's core, in memory: every kind of tampering is caught, at the right event.</summary>
public sealed class ChainTamperingTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
    private static readonly AuditChain Chain = new(Key);
    private static readonly AuditChain WrongKey = new(Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray());
    private static readonly string[] Types = ["instance.started", "case.received", "task.opened", "task.claimed", "task.completed", "staff.login"];

    [Fact]
    public void IntactChain_IsValid_AndCountsEveryEvent()
    {
        var (events, head) = Build(Chain, 250);

        var result = ChainWalk.Verify(Chain, events, head);

        Assert.True(result.Valid);
        Assert.Equal(250, result.Events);
        Assert.Null(result.FirstBroken);
    }

    [Fact]
    public void Link_IsTheHmacOfThePreviousHashAndTheDocumentedCanonicalBytes()
    {
        var (events, _) = Build(Chain, 2);
        var audit = events[1];

        // docs/audit.md, written out independently of the implementation.
        var canonical = new List<byte> { 1 };
        canonical.AddRange(BigEndian(audit.Seq));
        canonical.AddRange(BigEndian(audit.At.UtcTicks / 10));
        Text(canonical, audit.Type);
        Text(canonical, audit.Actor);
        Id(canonical, audit.CaseId);
        Text(canonical, audit.TrackingCode);
        Id(canonical, audit.InstanceId);
        Text(canonical, audit.DefinitionId);
        canonical.Add(audit.DefinitionVersion is null ? (byte)0 : (byte)1);
        if (audit.DefinitionVersion is { } version)
        {
            canonical.AddRange(BigEndian(version));
        }

        Text(canonical, audit.Data);
        Text(canonical, audit.ClientAddress);

        Assert.Equal(HMACSHA256.HashData(Key, events[0].Hash.Concat(canonical).ToArray()), audit.Hash);
        Assert.Equal(HMACSHA256.HashData(Key, new byte[32].Concat(Canonical(events[0])).ToArray()), events[0].Hash);
    }

    [Fact]
    public void AThousandRandomTamperings_AreAllDetected_AtTheEventTheyBroke()
    {
        var (events, head) = Build(Chain, 400);
        var random = new Random(14050907);
        var missed = new List<string>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < 1000; i++)
        {
            var copy = new List<AuditEvent>(events);
            var (kind, tamperedHead, expected) = Tamper(copy, head, random);
            var family = kind.Split(' ')[0];
            kinds[family] = kinds.GetValueOrDefault(family) + 1;

            var result = ChainWalk.Verify(Chain, copy, tamperedHead);

            if (result.Valid || result.FirstBroken != expected)
            {
                missed.Add($"#{i} {kind}: expected {expected}, got {(result.Valid ? "valid" : result.FirstBroken!.ToString())}");
            }
        }

        Assert.Empty(missed);
        Assert.True(kinds.Count >= 6 && kinds.Values.All(n => n > 100), string.Join(", ", kinds));
    }

    [Fact]
    public void ChainSealedWithAnotherKey_IsBrokenAtItsFirstEvent()
    {
        var (events, head) = Build(WrongKey, 20);

        var result = ChainWalk.Verify(Chain, events, head);

        Assert.Equal(new ChainBreak(1, events[0].Id, "hash"), result.FirstBroken);
    }

    [Fact]
    public void CutOffTail_PassesOnItsOwn_ButNotAgainstACheckpointExportedBefore()
    {
        var (events, head) = Build(Chain, 100);
        var exported = new Dictionary<long, byte[]> { [40] = events[39].Hash, [80] = events[79].Hash };
        // Someone with the database but not the key removes the last 30 events and moves the head back.
        var cut = events.Take(70).ToList();
        var movedHead = new AuditChainHead { Seq = 70, Hash = cut[^1].Hash };

        Assert.True(ChainWalk.Verify(Chain, cut, movedHead).Valid);
        Assert.Equal(new ChainBreak(80, null, "checkpoint"), ChainWalk.Verify(Chain, cut, movedHead, exported).FirstBroken);
        Assert.True(ChainWalk.Verify(Chain, events, head, exported).Valid);
    }

    [Fact]
    public void RewriteBySomeoneHoldingTheKey_IsCaughtByTheCheckpointsExportedBefore()
    {
        var (events, head) = Build(Chain, 100);
        var exported = new Dictionary<long, byte[]> { [40] = events[39].Hash, [80] = events[79].Hash };
        var rewritten = events.Select(Fields.Of).ToList();
        rewritten[59] = rewritten[59] with { Data = "{\"answer\":\"rewritten\"}" };
        var (chain, rewrittenHead) = Reseal(Chain, rewritten.Select(f => f.ToEvent()).ToList(), 0);

        Assert.True(ChainWalk.Verify(Chain, chain, rewrittenHead).Valid);
        Assert.Equal(new ChainBreak(80, chain[79].Id, "checkpoint"), ChainWalk.Verify(Chain, chain, rewrittenHead, exported).FirstBroken);
        Assert.True(ChainWalk.Verify(Chain, events, head, exported).Valid);
    }

    [Fact]
    public void KeyShorterThan32Bytes_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new AuditChain(new byte[31]));

    private static (string Kind, AuditChainHead Head, ChainBreak Expected) Tamper(List<AuditEvent> events, AuditChainHead head, Random random)
    {
        var n = events.Count;
        var k = random.Next(n);
        switch (random.Next(6))
        {
            case 0:
            {
                var (field, altered) = Alter(events[k], random);
                events[k] = altered;
                return field == "seq"
                    ? ($"alter {field}", head, new ChainBreak(altered.Seq, altered.Id, altered.Seq > k + 1 ? "gap" : "order"))
                    : ($"alter {field}", head, new ChainBreak(k + 1, altered.Id, "hash"));
            }

            case 1:
            {
                var removed = events[k];
                events.RemoveAt(k);
                return k == n - 1
                    ? ("delete last", head, new ChainBreak(n, null, "missing"))
                    : ("delete", head, new ChainBreak(removed.Seq + 1, events[k].Id, "gap"));
            }

            case 2:
            {
                // Rows read back in another order, each keeping its Seq.
                var m = k == n - 1 ? k - 1 : random.Next(k + 1, n);
                var (first, second) = (Math.Min(k, m), Math.Max(k, m));
                (events[first], events[second]) = (events[second], events[first]);
                return ("reorder rows", head, new ChainBreak(events[first].Seq, events[first].Id, "gap"));
            }

            case 3:
            {
                // Two events trade places in the chain: each takes the other's Seq.
                var m = k == n - 1 ? k - 1 : random.Next(k + 1, n);
                var (first, second) = (Math.Min(k, m), Math.Max(k, m));
                var a = Fields.Of(events[first]);
                var b = Fields.Of(events[second]);
                events[first] = (b with { Seq = a.Seq }).ToEvent();
                events[second] = (a with { Seq = b.Seq }).ToEvent();
                return ("swap places", head, new ChainBreak(first + 1, events[first].Id, "hash"));
            }

            case 4:
            {
                // A forged event slipped in (later ones renumbered, head moved), linked with a key that is not ours.
                var at = random.Next(n + 1);
                var previous = at == 0 ? AuditChain.Genesis() : events[at - 1].Hash;
                var forged = new Fields(90_000 + at, at + 1, events[Math.Min(at, n - 1)].At, "task.completed", "forger", null, null, null,
                    null, null, "{\"answer\":\"forged\"}", "203.0.113.9", []).ToEvent();
                forged.Hash = WrongKey.Link(previous, forged);
                for (var i = at; i < n; i++)
                {
                    events[i] = (Fields.Of(events[i]) with { Seq = events[i].Seq + 1 }).ToEvent();
                }

                events.Insert(at, forged);
                return ("insert forged", new AuditChainHead { Seq = n + 1, Hash = events[^1].Hash }, new ChainBreak(at + 1, forged.Id, "hash"));
            }

            default:
            {
                // Everything from an event on rewritten and re-linked consistently, but with a key that is not ours.
                var fields = events.Select(Fields.Of).ToList();
                fields[k] = fields[k] with { Actor = "someone-else" };
                var (rewritten, rewrittenHead) = Reseal(WrongKey, fields.Select(f => f.ToEvent()).ToList(), k);
                events.Clear();
                events.AddRange(rewritten);
                return ("rewrite tail", rewrittenHead, new ChainBreak(k + 1, rewritten[k].Id, "hash"));
            }
        }
    }

    private static (string Field, AuditEvent Altered) Alter(AuditEvent audit, Random random)
    {
        var f = Fields.Of(audit);
        return random.Next(13) switch
        {
            // Below the microsecond the chain hashes (issue 16): the stored time is finer than the sealer ever writes.
            12 => ("at below a microsecond", (f with { At = f.At.AddTicks(random.Next(1, 10)) }).ToEvent()),
            0 => ("type", (f with { Type = f.Type + "x" }).ToEvent()),
            1 => ("actor", (f with { Actor = "edesk2" }).ToEvent()),
            2 => ("at", (f with { At = f.At.AddTicks(10 * random.Next(1, 1_000_000)) }).ToEvent()),
            3 => ("case", (f with { CaseId = f.CaseId is null ? Guid.CreateVersion7() : null }).ToEvent()),
            4 => ("tracking code", (f with { TrackingCode = f.TrackingCode is null ? "14050907000017" : f.TrackingCode[..^1] + (f.TrackingCode[^1] == '9' ? "8" : "9") }).ToEvent()),
            5 => ("instance", (f with { InstanceId = Guid.CreateVersion7() }).ToEvent()),
            6 => ("definition", (f with { DefinitionId = f.DefinitionId == "letter" ? "complaint" : "letter" }).ToEvent()),
            7 => ("version", (f with { DefinitionVersion = (f.DefinitionVersion ?? 0) + 1 }).ToEvent()),
            8 => ("data", (f with { Data = f.Data.Replace("}", ",\"x\":1}", StringComparison.Ordinal) }).ToEvent()),
            9 => ("client address", (f with { ClientAddress = f.ClientAddress is null ? "198.51.100.7" : null }).ToEvent()),
            10 => ("hash", (f with { Hash = Flip(f.Hash, random.Next(256)) }).ToEvent()),
            _ => ("seq", (f with { Seq = OtherSeq(f.Seq, random) }).ToEvent()),
        };
    }

    private static long OtherSeq(long seq, Random random)
    {
        var other = random.Next(0, 410);
        return other == seq ? seq + 1 : other;
    }

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>A chain of varied events, linked as the sealer links them.</summary>
    private static (List<AuditEvent> Events, AuditChainHead Head) Build(AuditChain chain, int count)
    {
        var random = new Random(count);
        var start = new DateTimeOffset(2026, 11, 28, 4, 30, 0, TimeSpan.Zero);
        var events = new List<AuditEvent>();
        for (var i = 1; i <= count; i++)
        {
            var withCase = random.Next(4) > 0;
            events.Add(new Fields(1000 + i, i, AuditChain.Normalize(start.AddTicks(i * 12_345_677L)), Types[random.Next(Types.Length)],
                random.Next(3) == 0 ? "system" : "staff.metering", withCase ? NewGuid(random) : null, withCase ? "1405090700001" + (i % 10) : null,
                withCase ? NewGuid(random) : null, withCase ? "complaint" : null, withCase ? 1 + (i % 3) : null,
                $"{{\"n\":{i},\"text\":\"پاسخ شماره {i}\"}}", i % 2 == 0 ? $"10.0.{i % 7}.{i % 250}" : null, []).ToEvent());
        }

        return Reseal(chain, events, 0);
    }

    private static (List<AuditEvent> Events, AuditChainHead Head) Reseal(AuditChain chain, List<AuditEvent> events, int from)
    {
        var previous = from == 0 ? AuditChain.Genesis() : events[from - 1].Hash;
        for (var i = from; i < events.Count; i++)
        {
            events[i].Hash = chain.Link(previous, events[i]);
            previous = events[i].Hash;
        }

        return (events, new AuditChainHead { Seq = events.Count, Hash = previous });
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static byte[] Canonical(AuditEvent audit)
    {
        var bytes = new List<byte> { 1 };
        bytes.AddRange(BigEndian(audit.Seq));
        bytes.AddRange(BigEndian(audit.At.UtcTicks / 10));
        Text(bytes, audit.Type);
        Text(bytes, audit.Actor);
        Id(bytes, audit.CaseId);
        Text(bytes, audit.TrackingCode);
        Id(bytes, audit.InstanceId);
        Text(bytes, audit.DefinitionId);
        bytes.Add(audit.DefinitionVersion is null ? (byte)0 : (byte)1);
        if (audit.DefinitionVersion is { } version)
        {
            bytes.AddRange(BigEndian(version));
        }

        Text(bytes, audit.Data);
        Text(bytes, audit.ClientAddress);
        return [.. bytes];
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static void Text(List<byte> bytes, string? text)
    {
        if (text is null)
        {
            bytes.AddRange(BigEndian(-1));
            return;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        bytes.AddRange(BigEndian(utf8.Length));
        bytes.AddRange(utf8);
    }

    private static void Id(List<byte> bytes, Guid? id)
    {
        bytes.Add(id is null ? (byte)0 : (byte)1);
        if (id is { } value)
        {
            bytes.AddRange(value.ToByteArray(bigEndian: true));
        }
    }

    /// <summary>An event's fields as a value, so a test can copy it with one field changed.</summary>
    private sealed record Fields(long Id, long Seq, DateTimeOffset At, string Type, string Actor, Guid? CaseId, string? TrackingCode,
        Guid? InstanceId, string? DefinitionId, int? DefinitionVersion, string Data, string? ClientAddress, byte[] Hash)
    {
        public static Fields Of(AuditEvent a) => new(a.Id, a.Seq, a.At, a.Type, a.Actor, a.CaseId, a.TrackingCode, a.InstanceId,
            a.DefinitionId, a.DefinitionVersion, a.Data, a.ClientAddress, a.Hash);

        public AuditEvent ToEvent() => new()
        {
            Id = Id,
            Seq = Seq,
            At = At,
            Type = Type,
            Actor = Actor,
            CaseId = CaseId,
            TrackingCode = TrackingCode,
            InstanceId = InstanceId,
            DefinitionId = DefinitionId,
            DefinitionVersion = DefinitionVersion,
            Data = Data,
            ClientAddress = ClientAddress,
            Hash = Hash,
        };
    }
}
