using System.Security.Cryptography;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.TrackingCodes;

/// <summary>
/// The number a citizen keeps to follow a case: 13 random digits from a CSPRNG (43 bits) and a
/// Damm check digit, so a mistyped or swapped digit is caught before any lookup.
/// </summary>
public readonly record struct TrackingCode
{
    public const int RandomDigits = 13;
    public const int Length = RandomDigits + 1;

    private TrackingCode(string value) => Value = value;

    public string Value { get; }

    public static TrackingCode New()
    {
        Span<char> digits = stackalloc char[Length];
        // The first digit is never zero so the code survives spreadsheets and phone keypads intact.
        digits[0] = (char)('1' + RandomNumberGenerator.GetInt32(9));
        for (var i = 1; i < RandomDigits; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        digits[RandomDigits] = (char)('0' + DammCheckDigit.Compute(digits[..RandomDigits]));
        return new TrackingCode(new string(digits));
    }

    /// <summary>Accepts Persian and Arabic-Indic digits, spaces and dashes; checks length and check digit.</summary>
    public static bool TryParse(string? text, out TrackingCode code)
    {
        code = default;
        var digits = new string(PersianText.ToAsciiDigits(text).Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit) || !DammCheckDigit.IsValid(digits))
        {
            return false;
        }

        code = new TrackingCode(digits);
        return true;
    }

    public override string ToString() => Value;
}
