using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Citizens;

/// <summary>The Iranian national code (kod-e melli): ten digits, the last a mod-11 check digit.</summary>
public static class NationalCode
{
    public static bool TryNormalize(string? text, out string code)
    {
        code = PersianText.ToAsciiDigits(text).Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        return IsValid(code);
    }

    public static bool IsValid(string code)
    {
        if (code.Length != 10 || !code.All(char.IsAsciiDigit) || code.Distinct().Count() == 1)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (code[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        var check = code[9] - '0';
        return remainder < 2 ? check == remainder : check == 11 - remainder;
    }

    /// <summary>Shows only the last three digits, for logs and staff lists.</summary>
    public static string Redact(string? code) =>
        string.IsNullOrEmpty(code) || code.Length < 4 ? "***" : "*******" + code[^3..];
}
