using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Text;

/// <summary>The synonym table staff edit: a group folds its words to its first word; another table folds otherwise.</summary>
public sealed class SynonymTableTests
{
    private static readonly SynonymTable Theft = new([["سرقت", "دزدی"]], 1);

    [Fact]
    public void AGroupAdded_FoldsItsWordsToItsTerm_OnlyInTheTableThatHasIt()
    {
        Assert.Equal(PersianTerms.Of("سرقت کابل", Theft), PersianTerms.Of("دزدی کابل", Theft));
        Assert.NotEqual(PersianTerms.Of("سرقت کابل", SynonymTable.Shipped), PersianTerms.Of("دزدی کابل", SynonymTable.Shipped));
    }

    [Fact]
    public void AShippedGroupLeftOut_NoLongerFolds()
    {
        var withoutBills = new SynonymTable(SynonymTable.Shipped.Groups.Where(g => g[0] != "قبض"), 2);

        Assert.Equal(PersianTerms.Of("قبض", SynonymTable.Shipped), PersianTerms.Of("صورتحساب", SynonymTable.Shipped));
        Assert.NotEqual(PersianTerms.Of("قبض", withoutBills), PersianTerms.Of("صورتحساب", withoutBills));
    }

    [Fact]
    public void AWordOfSeveralParts_FoldsItsJoinedSpelling_WithOrWithoutTheJoiner()
    {
        var outage = new SynonymTable([["قطعی", "خاموشی", "قطع برق"]], 1);

        Assert.Equal(["قطعی"], PersianTerms.Of("قطع‌برق", outage));
        Assert.Equal(["قطعی"], PersianTerms.Of("قطعبرق", outage));
    }

    [Fact]
    public void TheShippedGroups_KeepEveryWordOfTheTxt_WithItsTerm()
    {
        var shipped = SynonymTable.Shipped;

        Assert.Equal("قبض", shipped.TermOf("صورتحساب"));
        Assert.Equal("قطعی", shipped.TermOf("قطعبرق"));
        Assert.Equal("رمزارز", shipped.TermOf("ماینر"));
        Assert.Contains(shipped.Groups, g => g[0] == "قطعی" && g.Contains("خاموشی"));
        Assert.All(shipped.Groups, g => Assert.True(g.Count >= 2));
    }

    [Theory]
    [InlineData("صورتحساب‌ها را کجا ببینم")]
    [InlineData("دزدی کنتور")]
    [InlineData("قطعی برق کوچه")]
    [InlineData("بفهمم قبض چقدر است")]
    public void AnIndexWithoutSynonyms_MeetsTheFoldedQuestion_ThroughFoldAndExpand(string text)
    {
        var table = new SynonymTable([.. SynonymTable.Shipped.Groups, ["سرقت", "دزدی"]], 3);
        var folded = PersianTerms.Of(text, table);
        var unfolded = PersianTerms.Of(text, SynonymTable.Empty);

        Assert.Equal(folded, unfolded.Select(table.Fold));
        Assert.All(folded.Zip(unfolded), pair => Assert.Contains(pair.Second, table.Expand(pair.First)));
    }
}
