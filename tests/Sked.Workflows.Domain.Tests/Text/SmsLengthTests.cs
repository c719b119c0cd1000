using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Text;

/// <summary>Persian SMS are counted as UCS-2: 70 characters in one part, 67 per part beyond.</summary>
public sealed class SmsLengthTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Parts_FollowTheUcs2Limits(int characters, int parts) =>
        Assert.Equal(parts, SmsLength.Parts(new string('ب', characters)));
}
