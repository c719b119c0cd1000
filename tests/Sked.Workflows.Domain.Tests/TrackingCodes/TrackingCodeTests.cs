using Sked.Workflows.Domain.TrackingCodes;

namespace Sked.Workflows.Domain.Tests.TrackingCodes;

public sealed class TrackingCodeTests
{
    // Enough codes to meet every digit in every position, small enough to stay in milliseconds.
    private const int Sample = 200;

    [Fact]
    public void New_Always_IsFourteenAsciiDigitsWithoutLeadingZero()
    {
        for (var i = 0; i < Sample; i++)
        {
            var value = TrackingCode.New().Value;

            Assert.Equal(14, value.Length);
            Assert.All(value, c => Assert.True(char.IsAsciiDigit(c), $"'{c}' in {value} is not an ASCII digit."));
            Assert.NotEqual('0', value[0]);
        }
    }

    [Fact]
    public void New_Always_ParsesBackToTheSameCode()
    {
        for (var i = 0; i < Sample; i++)
        {
            var code = TrackingCode.New();

            Assert.True(TrackingCode.TryParse(code.Value, out var parsed), $"{code} was not accepted.");
            Assert.Equal(code, parsed);
        }
    }

    [Fact]
    public void New_OverTenThousandDraws_NeverRepeatsACode()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(codes.Add(TrackingCode.New().Value), $"draw {i} repeated an earlier code.");
        }
    }

    [Fact]
    public void New_OverManyDraws_UsesEveryDigitInEveryRandomPosition()
    {
        var seen = new HashSet<char>[TrackingCode.RandomDigits];
        for (var p = 0; p < seen.Length; p++)
        {
            seen[p] = [];
        }

        for (var i = 0; i < 2_000; i++)
        {
            var value = TrackingCode.New().Value;
            for (var p = 0; p < seen.Length; p++)
            {
                seen[p].Add(value[p]);
            }
        }

        // The first digit is 1-9 by design; every later random digit must take all ten values.
        Assert.Equal(9, seen[0].Count);
        for (var p = 1; p < seen.Length; p++)
        {
            Assert.True(seen[p].Count == 10, $"position {p + 1} only took the digits {string.Concat(seen[p].Order())}.");
        }
    }

    [Fact]
    public void TryParse_WhenAnySingleDigitIsMistyped_RejectsTheCode()
    {
        for (var i = 0; i < Sample; i++)
        {
            var value = TrackingCode.New().Value;
            for (var position = 0; position < value.Length; position++)
            {
                for (var digit = '0'; digit <= '9'; digit++)
                {
                    if (digit == value[position])
                    {
                        continue;
                    }

                    var typo = string.Concat(value.AsSpan(0, position), [digit], value.AsSpan(position + 1));

                    Assert.False(TrackingCode.TryParse(typo, out _), $"{typo} (a typo of {value}) was accepted.");
                }
            }
        }
    }

    [Fact]
    public void TryParse_WhenAnyTwoAdjacentDigitsAreSwapped_RejectsTheCode()
    {
        for (var i = 0; i < Sample; i++)
        {
            var value = TrackingCode.New().Value;
            for (var position = 0; position < value.Length - 1; position++)
            {
                if (value[position] == value[position + 1])
                {
                    continue;
                }

                var chars = value.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                var swapped = new string(chars);

                Assert.False(TrackingCode.TryParse(swapped, out _), $"{swapped} (a swap in {value}) was accepted.");
            }
        }
    }

    [Fact]
    public void TryParse_WhenTypedWithPersianDigits_ReturnsTheSameCode()
    {
        var code = TrackingCode.New();
        var persian = new string(code.Value.Select(c => (char)('۰' + (c - '0'))).ToArray());

        Assert.True(TrackingCode.TryParse(persian, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void TryParse_WhenTypedWithArabicIndicDigits_ReturnsTheSameCode()
    {
        var code = TrackingCode.New();
        var arabic = new string(code.Value.Select(c => (char)('٠' + (c - '0'))).ToArray());

        Assert.True(TrackingCode.TryParse(arabic, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void TryParse_WhenGroupedWithSpacesAndDashes_ReturnsTheSameCode()
    {
        var code = TrackingCode.New();
        var grouped = $" {code.Value[..4]} {code.Value[4..8]}-{code.Value[8..11]} - {code.Value[11..]} ";

        Assert.True(TrackingCode.TryParse(grouped, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void TryParse_WhenADigitIsMissing_RejectsTheCode()
    {
        var value = TrackingCode.New().Value;

        Assert.False(TrackingCode.TryParse(value[..^1], out _));
        Assert.False(TrackingCode.TryParse(value[1..], out _));
    }

    [Fact]
    public void TryParse_WhenADigitIsAdded_RejectsTheCode()
    {
        var value = TrackingCode.New().Value;

        // Prefixing 0 leaves the Damm check digit valid, so only the length check can catch it.
        Assert.False(TrackingCode.TryParse("0" + value, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234567890123a")]
    [InlineData("۱۲۳۴۵۶۷۸۹۰۱۲۳x")]
    public void TryParse_WhenNotDigits_RejectsTheInput(string? text)
    {
        Assert.False(TrackingCode.TryParse(text, out _));
    }
}
