using System.Globalization;

namespace Sked.Workflows.Chaos.Tests;

/// <summary>
/// How long and how often the faults run: the short form (CI) by default, the long form by hand through
/// SKED_CHAOS_ROUNDS (kill -9 rounds per store), SKED_CHAOS_OUTAGES (PostgreSQL outages, and disk-full episodes),
/// SKED_CHAOS_SECONDS (load before each fault) and SKED_CHAOS_SMS_DELAY (the slow operator, seconds).
/// </summary>
public static class ChaosSettings
{
    public static int Rounds => Read("SKED_CHAOS_ROUNDS", 2);

    public static int Outages => Read("SKED_CHAOS_OUTAGES", 1);

    public static TimeSpan LoadBeforeFault => TimeSpan.FromSeconds(Read("SKED_CHAOS_SECONDS", 3));

    public static TimeSpan SmsDelay => TimeSpan.FromSeconds(Read("SKED_CHAOS_SMS_DELAY", 3));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
