using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Text;

/// <summary>The same question typed the ways citizens type it gives the same terms.</summary>
public sealed class PersianTermsTests
{
    [Theory]
    [InlineData("چاه‌های برق روستا", "چاه های برق روستا")]
    [InlineData("کنتور برق می‌یابد", "کنتور برق می یابد")]
    [InlineData("کنتور برق می‌یابد", "کنتور برق مییابد")]
    [InlineData("قبض برق", "قبض")]
    [InlineData("صورتحساب برق", "قبض برق")]
    [InlineData("خاموشی امروز", "قطعی امروز")]
    [InlineData("ماينر در كوچه", "ماینر در کوچه")]
    [InlineData("قبض ۱۴۰۳", "قبض 1403")]
    [InlineData("قبض‌ها را کجا ببینم؟", "قبض رو کجا ببینم")]
    [InlineData("میخوام انشعاب بگیرم", "می‌خواهم انشعاب بگیرم")]
    [InlineData("خونه‌ام برق نداره", "خانه برق نداره")]
    public void TheSameQuestion_SpelledDifferently_HasTheSameTerms(string one, string other) =>
        Assert.Equal(Of(other), Of(one));

    [Fact]
    public void WordsThatSayNothingAboutTheSubject_AreDropped() =>
        Assert.Equal(["قبض", "ماه", "بالا"], Of("سلام، چرا قبض برق من این ماه بالا است؟"));

    [Fact]
    public void DifferentSubjects_KeepDifferentTerms() =>
        Assert.NotEqual(Of("قبض گاز"), Of("قبض برق"));

    [Fact]
    public void ACompoundTypedWithSpaces_IsRelatedToItsJoinedForm() =>
        Assert.All(Of("برنامه ریزی"), part => Assert.True(PersianTerms.Related(part, Assert.Single(Of("برنامه‌ریزی")))));

    // The synonyms shipped in PersianTerms.txt, which a new database's table starts with.
    private static IReadOnlyList<string> Of(string text) => PersianTerms.Of(text, SynonymTable.Shipped);
}
