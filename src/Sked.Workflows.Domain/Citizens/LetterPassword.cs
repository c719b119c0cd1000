using System.Security.Cryptography;
using System.Text;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Citizens;

/// <summary>
/// The password the secretariat gives with a letter's tracking code. Eight digits from a CSPRNG,
/// stored only as a salted PBKDF2 hash; shown once on the receipt.
/// </summary>
public static class LetterPassword
{
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int Length = 8;

    public static string New()
    {
        Span<char> digits = stackalloc char[Length];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new string(digits);
    }

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? password, string? stored)
    {
        if (string.IsNullOrEmpty(password) || string.IsNullOrEmpty(stored))
        {
            return false;
        }

        // Refused before any key derivation: a guess that is not eight digits cannot be a password.
        var digits = PersianText.ToAsciiDigits(password.Trim());
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var parts = stored.Split('$');
        if (parts.Length != 4)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Derive(digits, salt);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            // A damaged stored hash opens nothing.
            return false;
        }
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
