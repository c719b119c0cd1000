using Sked.Workflows.Domain.Citizens;

namespace Sked.Workflows.Domain.Tests.Citizens;

public sealed class NationalCodeTests
{
    [Theory]
    [InlineData("0012345679")]
    [InlineData("1234567891")]
    [InlineData("0876543212")]
    [InlineData("1234567040")] // remainder 0: the check digit is the remainder itself
    [InlineData("9876543131")] // remainder 1: likewise
    public void IsValid_WhenTheCheckDigitFits_AcceptsTheCode(string code)
    {
        Assert.True(NationalCode.IsValid(code));
    }

    [Theory]
    [InlineData("0012345679")]
    [InlineData("1234567891")]
    [InlineData("0876543212")]
    [InlineData("1234567040")]
    [InlineData("9876543131")]
    public void IsValid_WhenAnyOtherCheckDigitIsGiven_RejectsTheCode(string valid)
    {
        for (var digit = '0'; digit <= '9'; digit++)
        {
            if (digit == valid[9])
            {
                continue;
            }

            var wrong = valid[..9] + digit;

            Assert.False(NationalCode.IsValid(wrong), $"{wrong} was accepted.");
        }
    }

    [Fact]
    public void IsValid_WhenAllDigitsAreTheSame_RejectsTheCode()
    {
        // 0000000000 and 1111111111 pass the mod-11 check but are placeholders, not real codes.
        for (var digit = '0'; digit <= '9'; digit++)
        {
            var code = new string(digit, 10);

            Assert.False(NationalCode.IsValid(code), $"{code} was accepted.");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("012345679")]
    [InlineData("00012345679")]
    [InlineData("00123456a9")]
    public void IsValid_WhenNotTenDigits_RejectsTheCode(string code)
    {
        Assert.False(NationalCode.IsValid(code));
    }

    [Theory]
    [InlineData("۰۰۱۲۳۴۵۶۷۹")]
    [InlineData("٠٠١٢٣٤٥٦٧٩")]
    [InlineData(" 001-234567-9 ")]
    public void TryNormalize_WhenTypedWithPersianDigitsOrDashes_ReturnsAsciiDigits(string typed)
    {
        Assert.True(NationalCode.TryNormalize(typed, out var code));
        Assert.Equal("0012345679", code);
    }

    [Fact]
    public void TryNormalize_WhenTheCheckDigitIsWrong_Fails()
    {
        Assert.False(NationalCode.TryNormalize("۰۰۱۲۳۴۵۶۷۸", out _));
    }

    [Fact]
    public void Redact_Always_ShowsOnlyTheLastThreeDigits()
    {
        Assert.Equal("*******679", NationalCode.Redact("0012345679"));
    }
}
