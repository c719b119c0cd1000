using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sked.Workflows.E2E.Tests.Staff;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Testing;

namespace Sked.Workflows.E2E.Tests.Faq;

/// <summary>
/// The CEO office keeps the synonym table from the browser: a word already in another group is refused with
/// a Persian sentence under the field, a new group is listed and used at once; other roles are turned away.
/// </summary>
public sealed class SynonymsPageTests(TestDatabases databases, Chromium chromium) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheCeoOffice_IsRefusedAWordOfAnotherGroup_ThenAddsAGroup_WhichIsListedAndUsed()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var ceo = await StaffBrowser.LogInAsync(context, "ceo-office");
        await ceo.GetByRole(AriaRole.Link, new() { Name = "واژه‌های هم‌معنی" }).ClickAsync();
        await StaffBrowser.Ready(ceo);
        await Assertions.Expect(ceo.Locator("#synonym-list tr", new() { HasText = "خاموشی" })).ToContainTextAsync("قطعی");

        await ceo.Locator("#synonym-words").FillAsync("رسید / فاکتور");
        await ceo.Locator("#synonym-save").ClickAsync();
        await Assertions.Expect(ceo.Locator("#synonym-editor")).ToContainTextAsync("«فاکتور» در گروه «قبض» هست");

        await ceo.Locator("#synonym-words").FillAsync("سرقت / دزدی / ربودن");
        await ceo.Locator("#synonym-save").ClickAsync();
        var added = ceo.Locator("#synonym-list tr", new() { HasText = "ربودن" });
        await Assertions.Expect(added).ToContainTextAsync("سرقت");
        await Assertions.Expect(ceo.Locator("#synonym-words")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(ceo.Locator("#synonym-editor .mud-input-error")).ToHaveCountAsync(0);
        await ceo.Locator("#synonym-filter").FillAsync("دزد");
        await Assertions.Expect(ceo.Locator("#synonym-list tbody tr")).ToHaveCountAsync(1);
        await StaffBrowser.Shot(ceo, "staff-synonyms");
        Assert.Empty(await StaffBrowser.AxeFailuresAsync(ceo, "synonyms page"));

        Assert.Equal("سرقت", _app.Service<CurrentSynonyms>().Table.TermOf("ربودن"));
        await using var db = await _app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal("ceo-office", (await db.AuditEvents.SingleAsync(e => e.Type == "synonym.group-added")).Actor);
    }

    [Fact]
    public async Task AMemberWhoDoesNotCurateTheFaq_HasNoLink_AndIsTurnedAwayAtItsAddress()
    {
        await using var context = await StaffBrowser.DesktopAsync(chromium, _app);
        var secretariat = await StaffBrowser.LogInAsync(context, "secretariat");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Link, new() { Name = "واژه‌های هم‌معنی" })).ToHaveCountAsync(0);

        await secretariat.GotoAsync("/staff/synonyms");

        Assert.Contains("/staff/denied", secretariat.Url, StringComparison.Ordinal);
        Assert.Equal(0, await secretariat.Locator("#synonym-list").CountAsync());
    }
}
