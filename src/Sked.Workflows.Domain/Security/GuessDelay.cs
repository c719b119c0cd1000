namespace Sked.Workflows.Domain.Security;

/// <summary>
/// How long a secret (a staff password, a letter's password) rests after failed guesses in a row:
/// a few are free, for typing mistakes; then the wait doubles from one second up to a minute. A
/// delay, never a lockout: whoever triggers it, the owner gets in within a minute, while a guesser,
/// however many addresses it has, gets about one try a minute per secret.
/// </summary>
public static class GuessDelay
{
    public const int FreeFailures = 5;

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    /// <summary>The wait after <paramref name="failures"/> failed guesses in a row.</summary>
    public static TimeSpan After(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 6);
        var wait = TimeSpan.FromSeconds(1 << doublings);
        return wait < Longest ? wait : Longest;
    }
}
