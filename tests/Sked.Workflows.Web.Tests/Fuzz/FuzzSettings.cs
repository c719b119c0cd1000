namespace Sked.Workflows.Web.Tests.Fuzz;

/// <summary>
/// How many requests and which seed: a fixed seed and a short count in CI, so a failure repeats;
/// SKED_FUZZ_COUNT and SKED_FUZZ_SEED (a number, or "random") for the long form by hand.
/// </summary>
public sealed record FuzzSettings(int Count, int Seed)
{
    public const int CiCount = 1500;
    public const int CiSeed = 1404;

    public static FuzzSettings FromEnvironment()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SKED_FUZZ_COUNT"), System.Globalization.CultureInfo.InvariantCulture, out var c) && c > 0 ? c : CiCount;
        var seedText = Environment.GetEnvironmentVariable("SKED_FUZZ_SEED");
        var seed = seedText switch
        {
            null or "" => CiSeed,
            "random" => Random.Shared.Next(),
            _ => int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture),
        };
        return new FuzzSettings(count, seed);
    }
}
