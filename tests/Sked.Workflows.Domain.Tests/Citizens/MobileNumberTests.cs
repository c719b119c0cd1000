using Sked.Workflows.Domain.Citizens;

namespace Sked.Workflows.Domain.Tests.Citizens;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("09123456789")]
    [InlineData("+989123456789")]
    [InlineData("00989123456789")]
    [InlineData("۰۹۱۲۳۴۵۶۷۸۹")]
    [InlineData("٠٩١٢٣٤٥٦٧٨٩")]
    [InlineData("+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹")]
    [InlineData("0912-345-6789")]
    [InlineData(" 0912 345 6789 ")]
    public void TryNormalize_WhenAMobileIsTypedAnyCommonWay_ReturnsZeroNineForm(string typed)
    {
        Assert.True(MobileNumber.TryNormalize(typed, out var mobile));
        Assert.Equal("09123456789", mobile);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0912345678")]
    [InlineData("091234567890")]
    [InlineData("03412345678")]
    [InlineData("+14155552671")]
    [InlineData("0912345678a")]
    public void TryNormalize_WhenNotAnIranianMobile_Fails(string? typed)
    {
        Assert.False(MobileNumber.TryNormalize(typed, out _));
    }

    [Fact]
    public void Redact_Always_HidesTheMiddleDigits()
    {
        Assert.Equal("0912*****89", MobileNumber.Redact("09123456789"));
    }
}
