using System.Text.RegularExpressions;

namespace Sked.Workflows.Architecture.Tests;

/// <summary>
/// Persian sentences and labels live in the one catalogue (Domain/Text/Catalogue.resx); Domain and
/// Engine code pass codes. A Persian letter typed into their C# files means a sentence has slipped
/// back into code (letters the text normaliser needs are written as \u escapes).
/// </summary>
public sealed partial class PersianTextPlacementTests
{
    [Theory]
    [InlineData("src/Sked.Workflows.Domain")]
    [InlineData("src/Sked.Workflows.Engine")]
    public void CoreCode_HoldsNoPersianText(string project)
    {
        var offenders = SourceFolder.CSharpFiles(project)
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(l => ArabicScript().IsMatch(l.line))
            .Select(l => $"{SourceFolder.Relative(l.path)}:{l.index + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Persian text belongs in Domain/Text/Catalogue.resx:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheck_SeesPersianLetters()
    {
        // Keeps the rule above honest: it must notice a Persian word when there is one.
        Assert.Matches(ArabicScript(), "var label = \"\u067E\u0627\u0633\u062E\";");
        Assert.DoesNotMatch(ArabicScript(), "var label = \"\\u067E\";");
    }

    [GeneratedRegex(@"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArabicScript();
}
