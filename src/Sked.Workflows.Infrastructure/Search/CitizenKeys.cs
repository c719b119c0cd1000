using System.Globalization;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The ways one citizen is recognised across channels: national code, mobile (the last ten digits, so
/// 0912…, +98912… and ۰۹۱۲… meet) and e-mail (lower case). An anonymous case gives none.
/// </summary>
public static class CitizenKeys
{
    public const string Field = "citizen";

    public static IReadOnlyList<string> Of(CaseFile @case)
    {
        if (@case.Anonymous)
        {
            return [];
        }

        List<string> keys = [];
        if (Digits(@case.Citizen.NationalCode) is { Length: 10 } national)
        {
            keys.Add("nc:" + national);
        }

        if (Digits(@case.Citizen.Mobile) is { Length: >= 10 } mobile)
        {
            keys.Add("m:" + mobile[^10..]);
        }

        if (@case.Citizen.Email?.Trim() is { Length: > 3 } email && email.Contains('@', StringComparison.Ordinal))
        {
            keys.Add("e:" + email.ToLower(CultureInfo.InvariantCulture));
        }

        return keys;
    }

    private static string? Digits(string? text) =>
        text is null ? null : new string(PersianText.ToAsciiDigits(text).Where(char.IsAsciiDigit).ToArray());
}
