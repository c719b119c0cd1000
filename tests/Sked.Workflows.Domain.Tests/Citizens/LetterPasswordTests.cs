using Sked.Workflows.Domain.Citizens;

namespace Sked.Workflows.Domain.Tests.Citizens;

public sealed class LetterPasswordTests
{
    [Fact]
    public void New_Always_IsEightAsciiDigits()
    {
        for (var i = 0; i < 100; i++)
        {
            var password = LetterPassword.New();

            Assert.Equal(8, password.Length);
            Assert.All(password, c => Assert.True(char.IsAsciiDigit(c), $"'{c}' in {password} is not an ASCII digit."));
        }
    }

    [Fact]
    public void New_OverManyDraws_RarelyRepeats()
    {
        var passwords = Enumerable.Range(0, 1_000).Select(_ => LetterPassword.New()).ToHashSet(StringComparer.Ordinal);

        // 1,000 draws from 10^8: a repeat is a one-in-200 event, two would mean the generator is broken.
        Assert.True(passwords.Count >= 998, $"only {passwords.Count} distinct passwords in 1,000 draws.");
    }

    [Fact]
    public void Verify_WhenThePasswordIsRight_ReturnsTrue()
    {
        var password = LetterPassword.New();

        Assert.True(LetterPassword.Verify(password, LetterPassword.Hash(password)));
    }

    [Fact]
    public void Verify_WhenThePasswordIsWrong_ReturnsFalse()
    {
        var hash = LetterPassword.Hash("12345678");

        Assert.False(LetterPassword.Verify("12345679", hash));
    }

    [Fact]
    public void Verify_WhenTheGuessIsNotEightDigits_IsRefusedBeforeAnyDerivation()
    {
        // Hashes of texts no password can be: only a refusal before derivation says no to them.
        Assert.False(LetterPassword.Verify("abcdefgh", LetterPassword.Hash("abcdefgh")));
        Assert.False(LetterPassword.Verify("123456789", LetterPassword.Hash("123456789")));
        Assert.False(LetterPassword.Verify("1234567", LetterPassword.Hash("1234567")));
    }

    [Fact]
    public void Verify_WhenTypedWithPersianDigits_ReturnsTrue()
    {
        var hash = LetterPassword.Hash("12345678");

        Assert.True(LetterPassword.Verify(" ۱۲۳۴۵۶۷۸ ", hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_WhenNothingIsTyped_ReturnsFalse(string? typed)
    {
        Assert.False(LetterPassword.Verify(typed, LetterPassword.Hash("12345678")));
    }

    [Fact]
    public void Hash_CalledTwiceForOnePassword_DiffersButBothVerify()
    {
        var first = LetterPassword.Hash("12345678");
        var second = LetterPassword.Hash("12345678");

        Assert.NotEqual(first, second);
        Assert.True(LetterPassword.Verify("12345678", first));
        Assert.True(LetterPassword.Verify("12345678", second));
    }

    [Fact]
    public void Hash_Always_DoesNotContainThePassword()
    {
        Assert.DoesNotContain("12345678", LetterPassword.Hash("12345678"), StringComparison.Ordinal);
    }
}
