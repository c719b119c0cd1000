using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Synonyms;

/// <summary>
/// The synonym table staff edit: a group added makes the FAQ's same-question matcher fold its words at once,
/// a shipped group removed stops folding them, bad input is a Persian problem per field, only the FAQ's
/// curators may change it, and every change is audited.
/// </summary>
public abstract class SynonymTableScenarios(TestDatabases databases, Store store)
{
    private const string Theft = "سرقت کابل برق را کجا گزارش کنم؟";
    private const string LostBill = "چگونه قبض المثنی برق را دریافت کنم؟";
    private static readonly string[] TheftGroup = ["سرقت", "دزدی"];

    [Fact]
    public async Task AGroupAdded_MakesTheOtherWordFindTheEntry_AsTheSameQuestion_AtOnce()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var ids = await PublishAsync(app, Theft);
        var citizen = app.Anonymous();
        Assert.False(await SameQuestionAsync(citizen, "دزدی کابل", ids[Theft]), "«دزدی» is not yet folded to «سرقت»");

        var edesk = await app.LoginAsync("edesk");
        var added = await edesk.PostAsJsonAsync("/api/v1/synonyms", Group(TheftGroup));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.True(await SameQuestionAsync(citizen, "دزدی کابل", ids[Theft]), "the new group folds «دزدی» to «سرقت» from the next question on");
        var table = (await edesk.GetFromJsonAsync<JsonObject>("/api/v1/synonyms"))!;
        Assert.Contains(table["groups"]!.AsArray(), g => g!["words"]![0]!.GetValue<string>() == "سرقت");
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var audited = await db.AuditEvents.SingleAsync(e => e.Type == "synonym.group-added");
        Assert.Equal("edesk", audited.Actor);
        Assert.Contains("دزدی", System.Text.RegularExpressions.Regex.Unescape(audited.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShippedGroupRemoved_NoLongerFoldsItsWords_AndEditingItBackDoes()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var ids = await PublishAsync(app, LostBill);
        var citizen = app.Anonymous();
        var ceoOffice = await app.LoginAsync("ceo-office");
        Assert.True(await SameQuestionAsync(citizen, "صورتحساب المثنی", ids[LostBill]), "the shipped table folds «صورتحساب» to «قبض»");
        var bills = (await ceoOffice.GetFromJsonAsync<JsonObject>("/api/v1/synonyms"))!["groups"]!.AsArray()
            .Single(g => g!["words"]![0]!.GetValue<string>() == "قبض")!;
        var id = bills["id"]!.GetValue<long>();

        Assert.Equal(HttpStatusCode.NoContent, (await ceoOffice.DeleteAsync($"/api/v1/synonyms/{id}")).StatusCode);
        Assert.False(await SameQuestionAsync(citizen, "صورتحساب المثنی", ids[LostBill]), "without the group «صورتحساب» is another word");

        var again = await ceoOffice.PostAsJsonAsync("/api/v1/synonyms", Group("قبض", "صورت‌حساب"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(await SameQuestionAsync(citizen, "صورتحساب المثنی", ids[LostBill]), "a word with a ZWNJ folds its joined spelling");
        Assert.Equal(HttpStatusCode.NotFound, (await ceoOffice.PutAsJsonAsync($"/api/v1/synonyms/{id}", Group(TheftGroup))).StatusCode);

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal(["synonym.group-removed", "synonym.group-added"],
            await db.AuditEvents.Where(e => e.Type.StartsWith("synonym.")).OrderBy(e => e.At).ThenBy(e => e.Seq).Select(e => e.Type).ToListAsync());
    }

    [Fact]
    public async Task BadInput_IsAProblemWithAPersianSentence_AndOnlyCuratorsMayChangeTheTable()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var admin = await app.LoginAsync("admin");

        var one = await ErrorAsync(await admin.PostAsJsonAsync("/api/v1/synonyms", Group("سرقت", " ", "سرقت")));
        var taken = await ErrorAsync(await admin.PostAsJsonAsync("/api/v1/synonyms", Group("رسید", "فاکتور")));
        var tooLong = await ErrorAsync(await admin.PostAsJsonAsync("/api/v1/synonyms", Group("رسید", new string('ب', 61))));
        var dropped = await ErrorAsync(await admin.PostAsJsonAsync("/api/v1/synonyms", Group("نیرو", "برق")));

        Assert.Contains("دست‌کم دو واژه", one, StringComparison.Ordinal);
        Assert.Contains("«فاکتور» در گروه «قبض» هست", taken, StringComparison.Ordinal);
        Assert.Contains("۶۰ نویسه", tooLong, StringComparison.Ordinal);
        Assert.Contains("«برق»", dropped, StringComparison.Ordinal);

        var secretariat = await app.LoginAsync("secretariat");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync("/api/v1/synonyms", Group(TheftGroup))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/api/v1/synonyms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/synonyms")).StatusCode);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Type.StartsWith("synonym.")));
        Assert.Equal(1, await db.SynonymVersion.Select(v => v.Version).SingleAsync());
    }

    [Fact]
    public async Task TwoCuratorsAddingTheSameWordAtOnce_OneIsRefused_SoNoWordIsInTwoGroups()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        var ceoOffice = await app.LoginAsync("ceo-office");

        var answers = await Task.WhenAll(
            edesk.PostAsJsonAsync("/api/v1/synonyms", Group("سرقت", "دزدی")),
            ceoOffice.PostAsJsonAsync("/api/v1/synonyms", Group("ربودن", "دزدی")));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
        var groups = (await edesk.GetFromJsonAsync<JsonObject>("/api/v1/synonyms"))!["groups"]!.AsArray();
        Assert.Single(groups, g => g!["words"]!.AsArray().Any(w => w!.GetValue<string>() == "دزدی"));
    }

    /// <summary>The body of POST and PUT /api/v1/synonyms.</summary>
    internal static object Group(params string[] words) => new { words };

    internal static async Task<Dictionary<string, Guid>> PublishAsync(TestApp app, params string[] questions)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var now = app.Service<TimeProvider>().GetUtcNow();
        var entries = questions.Select(q => new FaqEntry
        {
            QuestionKey = Domain.Text.PersianText.MatchKey(q),
            Question = q,
            Answer = "پاسخ: " + q,
            WordedByStaff = true,
            UpdatedAt = now,
            PublishedAt = now,
        }).ToList();
        db.Faq.AddRange(entries);
        await db.SaveChangesAsync();
        return entries.ToDictionary(e => e.Question, e => e.Id);
    }

    /// <summary>Whether GET /api/v1/faq/similar holds the entry to be the same question as <paramref name="question"/>.</summary>
    internal static async Task<bool> SameQuestionAsync(HttpClient client, string question, Guid entry) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/v1/faq/similar?limit=5&q=" + Uri.EscapeDataString(question)))!
            .Any(m => m!["id"]!.GetValue<Guid>() == entry && m["sameQuestion"]!.GetValue<bool>());

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return string.Join(" ", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["words"]!.AsArray().Select(e => e!.GetValue<string>()));
    }
}

public sealed class SynonymTableOnSqlite(TestDatabases databases) : SynonymTableScenarios(databases, Store.Sqlite);

public sealed class SynonymTableOnPostgres(TestDatabases databases) : SynonymTableScenarios(databases, Store.Postgres);
