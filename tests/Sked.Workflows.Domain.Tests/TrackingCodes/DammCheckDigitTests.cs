using Sked.Workflows.Domain.TrackingCodes;

namespace Sked.Workflows.Domain.Tests.TrackingCodes;

public sealed class DammCheckDigitTests
{
    [Fact]
    public void Compute_ForThePublishedExample_ReturnsFour()
    {
        // H. Michael Damm's worked example: the check digit of 572 is 4.
        Assert.Equal(4, DammCheckDigit.Compute("572"));
    }

    [Fact]
    public void IsValid_WhenTheCheckDigitIsAppended_AcceptsTheNumber()
    {
        Assert.True(DammCheckDigit.IsValid("5724"));
        Assert.False(DammCheckDigit.IsValid("5723"));
    }
}
