using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sked.Workflows.Infrastructure.Audit;

/// <summary>
/// Audit:ChainKey — the secret that keys the audit hash chain (base64, at least 32 bytes). It must
/// live outside the database (environment, secret store), or someone who can rewrite the database
/// could rewrite the chain too.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";
    public const string KeyName = "Audit:ChainKey";

    public string? ChainKey { get; set; }

    /// <summary>The most lanes a store may be given: each is a head row that every verification and export lists.</summary>
    public const int MaximumLanes = 32;

    /// <summary>
    /// Audit:Lanes — on how many chains PostgreSQL seals, in turn (<see cref="ChainLanes"/>, docs/adr/0007): a seal
    /// waits only for the commit before it on its own lane. SQLite always seals on one. Lanes once used are kept.
    /// </summary>
    public int Lanes { get; set; } = 3;

    /// <summary>
    /// The key Development, Testing and demo runs use when none is set. It is public (it is derived from
    /// this text), so a chain sealed with it proves nothing; Production refuses to start without a key.
    /// </summary>
    public static byte[] DevelopmentKey { get; } = SHA256.HashData(Encoding.UTF8.GetBytes("Sked.Workflows development audit chain key: not a secret"));

    public static string MissingKeyMessage =>
        $"{KeyName} is not set. Set Audit__ChainKey to a random secret of at least {AuditChain.MinimumKeyLength} bytes in base64 "
        + "(e.g. `openssl rand -base64 32`), kept outside the database; the same key must be given to every node and to `audit verify`.";

    /// <summary>The configured key's bytes, or null with the reason when it is not usable.</summary>
    public byte[]? TryReadKey(out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(ChainKey))
        {
            error = MissingKeyMessage;
            return null;
        }

        var buffer = new byte[ChainKey.Length];
        if (!Convert.TryFromBase64String(ChainKey.Trim(), buffer, out var length))
        {
            error = $"{KeyName} is not valid base64.";
            return null;
        }

        if (length < AuditChain.MinimumKeyLength)
        {
            error = $"{KeyName} has {length} bytes; it needs at least {AuditChain.MinimumKeyLength}.";
            return null;
        }

        return buffer[..length];
    }

    /// <summary>A set key must be usable; no key at all is an error unless the development key is allowed.</summary>
    public sealed class Validation(bool mayUseDevelopmentKey) : IValidateOptions<AuditOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditOptions options)
        {
            if (options.Lanes is < 1 or > MaximumLanes)
            {
                return ValidateOptionsResult.Fail($"Audit:Lanes is {options.Lanes}; it must be 1 to {MaximumLanes}.");
            }

            if (mayUseDevelopmentKey && string.IsNullOrWhiteSpace(options.ChainKey))
            {
                return ValidateOptionsResult.Success;
            }

            return options.TryReadKey(out var error) is null ? ValidateOptionsResult.Fail(error!) : ValidateOptionsResult.Success;
        }
    }
}
