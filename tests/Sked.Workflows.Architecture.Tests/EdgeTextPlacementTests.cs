using System.Reflection;
using System.Text.RegularExpressions;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Outbox;
using Sked.Workflows.Web.Features.Audit;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Features.Open311;
using Sked.Workflows.Web.Features.Portal;
using Sked.Workflows.Web.Features.StaffArea.Admin;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Architecture.Tests;

/// <summary>
/// Infrastructure and Web pass codes too and render the catalogue's sentence at the edge; a Persian
/// letter in their C# code means a sentence has slipped back in. Comments may show Persian examples.
/// </summary>
public sealed partial class EdgeTextPlacementTests
{
    // Files that may still hold Persian text, each with the reason.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        // Demo data: sample citizens' reports, not text the application says.
        "src/Sked.Workflows.Infrastructure/Demo/DemoSubmissions.cs",
        // The evidence pack's printable HTML page: its page text is written in place.
        "src/Sked.Workflows.Web/Features/Cases/EvidencePage.cs",
        // Open311 service descriptions and keywords: data published in services.json.
        "src/Sked.Workflows.Web/Features/Open311/ListServices.cs",
    };

    [Theory]
    [InlineData("src/Sked.Workflows.Infrastructure")]
    [InlineData("src/Sked.Workflows.Web")]
    public void EdgeCode_HoldsNoPersianTextOutsideTheAllowList(string project)
    {
        var offenders = SourceFolder.CSharpFiles(project)
            .Where(path => !Allowed.Contains(SourceFolder.Relative(path)))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && ArabicScript().IsMatch(l.line))
            .Select(l => $"{SourceFolder.Relative(l.path)}:{l.index + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Persian text belongs in Domain/Text/Catalogue.resx:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheAllowList_NamesOnlyFilesThatExist()
    {
        Assert.All(Allowed, file => Assert.True(File.Exists(Path.Combine(SourceFolder.Root, file)), file + " is gone; take it off the list"));
    }

    public static TheoryData<string, string> Codes() =>
        new(new (Type Codes, string Area)[]
            {
                (typeof(CaseLookupErrors), "caseLookup."),
                (typeof(AuditSearchErrors), "auditSearch."),
                (typeof(PortalErrors), "portal."),
                (typeof(StaffAdminErrors), "staffAdmin."),
                (typeof(Open311Texts), "open311."),
                (typeof(HttpTexts), "http."),
                (typeof(OutboxTexts), "outbox."),
            }
            .SelectMany(c => c.Codes.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (c.Area, (string)f.GetRawConstantValue()!))));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryEdgeCode_HasASentenceInTheCatalogue(string area, string code)
    {
        Assert.StartsWith(area, code, StringComparison.Ordinal);
        Assert.True(Catalogue.Has(code), $"{code} has no sentence in Catalogue.resx");
    }

    [GeneratedRegex(@"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArabicScript();
}
