using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Text;

public sealed class PersianTextTests
{
    private const char Zwnj = '\u200C';

    [Fact]
    public void Normalize_WhenTypedWithArabicYehAndKaf_ReturnsPersianLetters()
    {
        // An Arabic keyboard gives ي (U+064A) and ك (U+0643); Persian text uses ی (U+06CC) and ک (U+06A9).
        Assert.Equal("کیفیت برق", PersianText.Normalize("\u0643\u064A\u0641\u064A\u062A \u0628\u0631\u0642"));
    }

    [Fact]
    public void Normalize_WhenTypedWithAlefMaksura_ReturnsPersianYeh()
    {
        Assert.Equal("موسی", PersianText.Normalize("موس\u0649"));
    }

    [Fact]
    public void Normalize_WhenZwnjSitsBetweenLetters_KeepsIt()
    {
        var word = "می" + Zwnj + "خواهم";

        Assert.Equal(word, PersianText.Normalize(word));
    }

    [Theory]
    [InlineData("\u200Cسلام", "سلام")]
    [InlineData("سلام\u200C", "سلام")]
    [InlineData("سلام \u200Cدنیا", "سلام دنیا")]
    [InlineData("سلام\u200C دنیا", "سلام دنیا")]
    [InlineData("۱۲\u200C۳", "۱۲۳")]
    public void Normalize_WhenZwnjSitsAtAWordEdge_DropsIt(string typed, string expected)
    {
        Assert.Equal(expected, PersianText.Normalize(typed));
    }

    [Fact]
    public void Normalize_WhenZwnjIsDoubled_KeepsOne()
    {
        Assert.Equal("می" + Zwnj + "خواهم", PersianText.Normalize("می" + Zwnj + Zwnj + "خواهم"));
    }

    [Fact]
    public void Normalize_WhenSpacesRepeat_CollapsesThemToOne()
    {
        Assert.Equal("قطعی برق در محله", PersianText.Normalize("  قطعی   برق\t\tدر\u00A0\u00A0محله  "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Normalize_WhenBlank_ReturnsEmpty(string? typed)
    {
        Assert.Equal(string.Empty, PersianText.Normalize(typed));
    }

    [Fact]
    public void ToAsciiDigits_WhenTypedWithPersianAndArabicIndicDigits_ReturnsAsciiDigits()
    {
        Assert.Equal("کد 0123456789 و 0123456789", PersianText.ToAsciiDigits("کد ۰۱۲۳۴۵۶۷۸۹ و ٠١٢٣٤٥٦٧٨٩"));
    }

    [Fact]
    public void ToPersianDigits_WhenGivenAsciiDigits_ReturnsPersianDigits()
    {
        Assert.Equal("ساعت ۱۴:۳۰ - ۰۹", PersianText.ToPersianDigits("ساعت 14:30 - 09"));
    }

    [Fact]
    public void MatchKey_WhenQuestionsDifferOnlyInArabicLetters_AreEqual()
    {
        Assert.Equal(
            PersianText.MatchKey("چرا قبض برق من زیاد است"),
            PersianText.MatchKey("چرا قبض برق من زياد است"));
    }

    [Fact]
    public void MatchKey_WhenQuestionsDifferOnlyInDigits_AreEqual()
    {
        Assert.Equal(
            PersianText.MatchKey("قبض خرداد 1405 کی صادر می‌شود"),
            PersianText.MatchKey("قبض خرداد ۱۴۰۵ کی صادر می‌شود"));
    }

    [Fact]
    public void MatchKey_WhenQuestionsDifferOnlyInPunctuationAndSpacing_AreEqual()
    {
        Assert.Equal(
            PersianText.MatchKey("چرا برق ما قطع می‌شود؟"),
            PersianText.MatchKey("  چرا برق ما، قطع می‌شود ?!  "));
    }

    [Fact]
    public void MatchKey_WhenQuestionsDifferOnlyInZwnj_AreEqual()
    {
        Assert.Equal(PersianText.MatchKey("برق می" + Zwnj + "رود"), PersianText.MatchKey("برق میرود"));
    }

    [Fact]
    public void MatchKey_WhenQuestionsDifferInWords_AreDifferent()
    {
        Assert.NotEqual(
            PersianText.MatchKey("چرا قبض برق من زیاد است"),
            PersianText.MatchKey("چرا قبض گاز من زیاد است"));
    }

    [Fact]
    public void MatchKey_WhenQuestionsDifferInNumbers_AreDifferent()
    {
        Assert.NotEqual(PersianText.MatchKey("قبض ۱۴۰۴"), PersianText.MatchKey("قبض ۱۴۰۵"));
    }

    [Fact]
    public void MatchKey_WhenAWordCarriesAShadda_EqualsTheWordWithout()
    {
        // Citizens sometimes vowel a word (اوّل, مؤسّسه); the mark must not split it into two words.
        Assert.Equal(PersianText.MatchKey("قبض اول سال"), PersianText.MatchKey("قبض او\u0651ل سال"));
    }
}
