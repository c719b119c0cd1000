using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Components.Layout;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.StaffArea;

/// <summary>The inbox list shows a page the server chose, in Persian, with the SLA at a glance.</summary>
public sealed class InboxListTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private readonly TaskFeed _feed = new();

    public InboxListTests()
    {
        Services.AddMudServices();
        InboxListServices.Add(Services, _feed);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void Rows_ShowCodeTypeSubjectAndADueDateColouredBySla()
    {
        var rows = new[]
        {
            Row("11111111111111", SlaState.Overdue),
            Row("22222222222222", SlaState.AtRisk),
            Row("33333333333333", SlaState.OnTime),
        };

        var list = Render<InboxList>(p => p.Add(l => l.Load, (_, _) => Task.FromResult(new InboxResult(rows, 3))));

        list.WaitForAssertion(() => Assert.Equal(3, list.FindAll("tbody tr").Count));
        Assert.Contains("شکایت", list.Markup, StringComparison.Ordinal);
        Assert.Contains("قطعی برق", list.Markup, StringComparison.Ordinal);
        Assert.Equal(["Overdue", "AtRisk", "OnTime"], list.FindAll(".sla").Select(c => c.GetAttribute("data-sla")));
        Assert.Contains("mud-chip-color-error", list.FindAll(".sla")[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", list.FindAll(".sla")[1].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServerIsAskedForOnePage_NotForEverything()
    {
        var requests = new List<InboxRequest>();

        var list = Render<InboxList>(p => p.Add(l => l.Load, (request, _) =>
        {
            requests.Add(request);
            return Task.FromResult(new InboxResult([Row("44444444444444", SlaState.OnTime)], 1_000_000));
        }));

        list.WaitForAssertion(() => Assert.NotEmpty(requests));
        Assert.All(requests, r => Assert.InRange(r.PageSize, 1, 200));
        Assert.Equal(0, requests[0].Page);
        Assert.Contains("۱٬۰۰۰٬۰۰۰", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ACommittedChange_ReloadsTheList()
    {
        var calls = 0;
        var list = Render<InboxList>(p => p.Add(l => l.Load, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(new InboxResult([], 0));
        }));
        list.WaitForAssertion(() => Assert.True(calls >= 1));
        var before = calls;

        _feed.Publish(new TaskChangedEventArgs("55555555555555", Guid.NewGuid(), "task.claimed"));

        list.WaitForAssertion(() => Assert.True(calls > before));
        Assert.Contains("کاری در این فهرست نیست", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void WhileConnecting_TheFirstPageIsReadOnce_AndShownInert()
    {
        var requests = new List<InboxRequest>();

        // The staff layout renders a page shown while connecting inside this cascading value, for the first HTML answer.
        var list = Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, StaffLayout.WhileConnecting)
            .Add(c => c.Value, true)
            .Add(c => c.IsFixed, true)
            .AddChildContent<InboxList>(l => l.Add(x => x.Load, (request, _) =>
            {
                requests.Add(request);
                return Task.FromResult(new InboxResult([Row("66666666666666", SlaState.OnTime)], 47));
            }).Add(x => x.ListId, "inbox-available")));

        var only = Assert.Single(requests);
        Assert.Equal((0, 10, "due", false), (only.Page, only.PageSize, only.SortBy, only.Descending));
        var table = Assert.Single(list.FindAll(".mud-table"));
        Assert.Equal("inbox-available", table.Id);
        Assert.NotNull(table.Closest("[inert]"));
        Assert.Contains("66666666666666", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("۴۷", list.Markup, StringComparison.Ordinal);
    }

    private static InboxRow Row(string code, SlaState sla) =>
        new(Guid.NewGuid(), code, "complaint", "قطعی برق", null, "edesk-review", "بررسی میز خدمت", HumanTaskStatus.Open, null,
            Now.AddDays(-1), Now.AddHours(sla == SlaState.Overdue ? -2 : sla == SlaState.AtRisk ? 1 : 20), sla, Guid.NewGuid(), "EDesk", null);
}
