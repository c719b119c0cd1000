using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Citizens;

/// <summary>An Iranian mobile number, stored as 09xxxxxxxxx.</summary>
public static class MobileNumber
{
    public static bool TryNormalize(string? text, out string mobile)
    {
        var digits = new string(PersianText.ToAsciiDigits(text).Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith("+98", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("0098", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..];
        }

        mobile = digits;
        return digits.Length == 11 && digits.StartsWith("09", StringComparison.Ordinal) && digits.All(char.IsAsciiDigit);
    }

    public static string Redact(string? mobile) =>
        string.IsNullOrEmpty(mobile) || mobile.Length < 4 ? "***" : mobile[..4] + "*****" + mobile[^2..];
}
