using System.Collections.Concurrent;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.Security;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>
/// The per-letter ceiling on password guesses (<see cref="GuessDelay"/>): after a few wrong
/// passwords a letter rests for a second, doubling to a minute, whatever address the guesses come
/// from. A guess is counted as wrong before the password is derived, so guesses sent at once get one
/// derivation and a resting letter costs none. Kept in memory: only letters that exist get an entry,
/// and each node keeps its own (two nodes allow a guesser two tries a minute; docs/operations.md).
/// Offered to the citizen's reply, which opens a letter by its password too.
/// </summary>
[FeatureContract]
public sealed class LetterGuesses(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Rest> _rests = new(StringComparer.Ordinal);

    private sealed record Rest(int Failures, DateTimeOffset Until);

    public enum Check
    {
        Opened,
        Wrong,
        Resting,
    }

    /// <summary>
    /// Whether <paramref name="password"/> opens the case whose stored hash is <paramref name="passwordHash"/>
    /// (null: not a letter, always open); <see cref="Check.Resting"/> when the guess was refused unchecked.
    /// </summary>
    public Check Opens(string trackingCode, string? passwordHash, string? password)
    {
        if (passwordHash is null)
        {
            return Check.Opened;
        }

        if (!TryBegin(trackingCode))
        {
            return Check.Resting;
        }

        if (!LetterPassword.Verify(password, passwordHash))
        {
            return Check.Wrong;
        }

        _rests.TryRemove(trackingCode, out _);
        return Check.Opened;
    }

    /// <summary>How long the letter rests before it takes another guess (zero when it takes one now).</summary>
    public TimeSpan RestingFor(string trackingCode) =>
        _rests.TryGetValue(trackingCode, out var rest) && rest.Until > time.GetUtcNow() ? rest.Until - time.GetUtcNow() : TimeSpan.Zero;

    private bool TryBegin(string trackingCode)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (!_rests.TryGetValue(trackingCode, out var rest))
            {
                if (_rests.TryAdd(trackingCode, new Rest(1, now + GuessDelay.After(1))))
                {
                    return true;
                }

                continue;
            }

            if (rest.Until > now)
            {
                return false;
            }

            var failures = rest.Failures + 1;
            if (_rests.TryUpdate(trackingCode, new Rest(failures, now + GuessDelay.After(failures)), rest))
            {
                return true;
            }
        }
    }
}
