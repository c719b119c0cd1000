namespace Sked.Workflows.Domain.TrackingCodes;

/// <summary>
/// The Damm algorithm: one check digit that catches every single-digit error and every swap of
/// two adjacent digits, the two mistakes people make when they copy a number.
/// </summary>
public static class DammCheckDigit
{
    private static readonly int[,] Table =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    public static int Compute(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var c in digits)
        {
            interim = Table[interim, c - '0'];
        }

        return interim;
    }

    public static bool IsValid(ReadOnlySpan<char> digitsWithCheck) => Compute(digitsWithCheck) == 0;
}
