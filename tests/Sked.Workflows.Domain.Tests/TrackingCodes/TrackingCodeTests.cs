using Sked.Workflows.Domain.TrackingCodes;

namespace Sked.Workflows.Domain.Tests.TrackingCodes;

public sealed class TrackingCodeTests
{
    [Fact]
    public void New_ParsesBack_WhenTypedWithPersianDigits()
    {
        var code = TrackingCode.New();
        var persian = new string(code.Value.Select(c => (char)('۰' + (c - '0'))).ToArray());

        Assert.True(TrackingCode.TryParse(persian, out var parsed));
        Assert.Equal(code, parsed);
    }
}
