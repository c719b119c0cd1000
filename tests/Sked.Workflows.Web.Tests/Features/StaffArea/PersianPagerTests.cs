using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Components.Display;
using Sked.Workflows.Web.Features.StaffArea;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>A staff table's pager writes its numbers in Persian digits and its buttons in Persian.</summary>
public sealed class PersianPagerTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public PersianPagerTests()
    {
        Services.AddMudServices();
        InboxListServices.Add(Services, new TaskFeed());
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void ThePagerShowsTheRowsAndTotal_InPersianDigits()
    {
        var rows = Enumerable.Range(1, 10).Select(i => Row($"{i:00000000000000}")).ToList();

        var list = Render<InboxList>(p => p.Add(l => l.Load, (_, _) => Task.FromResult(new InboxResult(rows, 69))));

        list.WaitForAssertion(() => Assert.Equal("۱-۱۰ از ۶۹", list.Find(".mud-table-page-number-information").TextContent.Trim()));
        var pager = list.Find(".mud-table-pagination-toolbar");
        Assert.DoesNotMatch("[0-9]", pager.TextContent);
        // The rows-per-page select shows its value in an input: ۱۰, not 10.
        Assert.Contains(pager.QuerySelectorAll("input"), i => i.GetAttribute("value") == "۱۰");
        Assert.All(pager.QuerySelectorAll("input"), i => Assert.DoesNotMatch("[0-9]", i.GetAttribute("value") ?? string.Empty));
        Assert.Equal("صفحه بعد", pager.QuerySelector(".mud-table-pagination-next-button")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void TheNextButton_AsksForTheNextPage()
    {
        var pages = new List<int>();
        var list = Render<InboxList>(p => p.Add(l => l.Load, (request, _) =>
        {
            pages.Add(request.Page);
            return Task.FromResult(new InboxResult([Row("12345678901234")], 69));
        }));
        list.WaitForAssertion(() => Assert.NotEmpty(pages));

        list.Find(".mud-table-pagination-next-button").Click();

        list.WaitForAssertion(() => Assert.Contains(1, pages));
        list.WaitForAssertion(() => Assert.Equal("۱۱-۲۰ از ۶۹", list.Find(".mud-table-page-number-information").TextContent.Trim()));
    }

    [Fact]
    public void AListCountedOnlyToItsCap_SaysMoreThanTheCap()
    {
        var rows = Enumerable.Range(1, 10).Select(i => Row($"{i:00000000000000}")).ToList();

        var list = Render<InboxList>(p => p.Add(l => l.Load, (_, _) => Task.FromResult(new InboxResult(rows, ListTasks.CountCap) { MoreThanTotal = true })));

        list.WaitForAssertion(() => Assert.Equal("۱-۱۰ از بیش از ۱٬۰۰۰", list.Find(".mud-table-page-number-information").TextContent.Trim()));
    }

    [Fact]
    public void EveryCodeTheStaffScreensName_HasItsCatalogueText()
    {
        var codes = typeof(PagerTexts).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat([StaffNames.SystemCode, StaffNames.CitizenCode]);

        Assert.All(codes, code => Assert.True(Catalogue.Has(code), $"{code} has no text in Catalogue.resx"));
    }

    private static InboxRow Row(string code) =>
        new(Guid.NewGuid(), code, "complaint", "قطعی برق", null, "edesk-review", "بررسی میز خدمت", HumanTaskStatus.Open, null,
            Now.AddDays(-1), Now.AddHours(20), SlaState.OnTime, Guid.NewGuid(), "EDesk", null);
}
