using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Faq;

/// <summary>Staff write, edit, publish, unpublish, merge and delete FAQ entries through the API; every change is audited; wordings find their entry.</summary>
public abstract class FaqCurationScenarios(TestDatabases databases, Store store)
{
    private static readonly string[] LostBill = ["قبض گم شده"];

    [Fact]
    public async Task AnEntry_WrittenEditedPublishedAndDeleted_ShowsOnlyWhilePublished_AndEveryChangeIsAudited()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var ceoOffice = await app.LoginAsync("ceo-office");
        var citizen = app.Anonymous();

        var created = await ceoOffice.PostAsJsonAsync("/api/v1/faq", new
        {
            question = "چگونه قبض المثنی برق را دریافت کنم؟",
            answer = "با شناسه قبض در سامانه برق من.",
            category = "قبض",
            alternatives = LostBill,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Empty((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!);

        var edited = await ceoOffice.PutAsJsonAsync($"/api/v1/faq/{id}", new
        {
            question = "قبض المثنی برق را از کجا بگیرم؟",
            answer = "با شناسه قبض در سامانه برق من یا در دفاتر پیشخوان.",
            category = "قبض",
            alternatives = LostBill,
            published = true,
        });
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        var published = Assert.Single((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!)!;
        Assert.Equal("قبض المثنی برق را از کجا بگیرم؟", published["question"]!.GetValue<string>());
        Assert.Equal("قبض", published["category"]!.GetValue<string>());
        Assert.Null(published["alternatives"]);

        Assert.Equal(HttpStatusCode.NoContent, (await ceoOffice.PutAsJsonAsync($"/api/v1/faq/{id}", new { question = "قبض المثنی برق را از کجا بگیرم؟", answer = "پاسخ", published = false })).StatusCode);
        Assert.Empty((await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!);
        Assert.Equal(HttpStatusCode.NoContent, (await ceoOffice.DeleteAsync($"/api/v1/faq/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ceoOffice.DeleteAsync($"/api/v1/faq/{id}")).StatusCode);

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var types = await db.AuditEvents.Where(e => e.Type.StartsWith("faq.")).OrderBy(e => e.At).ThenBy(e => e.Seq).Select(e => e.Type).ToListAsync();
        Assert.Equal(["faq.created", "faq.edited", "faq.published", "faq.edited", "faq.unpublished", "faq.deleted"], types);
        Assert.True(await db.AuditEvents.Where(e => e.Type.StartsWith("faq.")).AllAsync(e => e.Actor == "ceo-office"));
    }

    [Fact]
    public async Task BadInput_IsAProblemWithAPersianSentencePerField()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");

        var response = await edesk.PostAsJsonAsync("/api/v1/faq", new { question = "  ", answer = "", category = new string('ا', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("پرسش را بنویسید", errors["question"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("پاسخ را بنویسید", errors["answer"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("دسته", errors["category"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await edesk.PutAsJsonAsync($"/api/v1/faq/{Guid.NewGuid()}", new { question = "پرسش", answer = "پاسخ" })).StatusCode);
    }

    [Fact]
    public async Task AnAlternativeWording_FindsItsEntry_AndAMergedEntry_IsFoundThroughTheOther()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        var citizen = app.Anonymous();
        var meter = await CreateAsync(edesk, "کنتور برق خراب شده است؛ چه کنم؟", ["شمارشگر برق کار نمی‌کند"]);
        var broken = await CreateAsync(edesk, "کنتورم نمایشگرش خاموش است", []);

        var byAlternative = await SimilarAsync(citizen, "شمارشگر برق کار نمیکند");
        Assert.Equal(meter, byAlternative[0]["id"]!.GetValue<string>());
        Assert.True(byAlternative[0]["sameQuestion"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await edesk.PostAsJsonAsync($"/api/v1/faq/{broken}/merge", new { into = meter })).StatusCode);
        var faq = (await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq"))!;
        Assert.Equal(meter, Assert.Single(faq)!["id"]!.GetValue<string>());
        Assert.Equal(meter, (await SimilarAsync(citizen, "نمایشگر کنتورم خاموش است"))[0]["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await edesk.PostAsJsonAsync($"/api/v1/faq/{meter}/merge", new { into = meter })).StatusCode);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Type == "faq.merged"));
    }

    [Fact]
    public async Task ThisAnsweredMyQuestion_IsCountedOncePerClient_AndOnlyForPublishedEntries()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var edesk = await app.LoginAsync("edesk");
        var id = await CreateAsync(edesk, "چگونه قبض برق را آنلاین پرداخت کنم؟", []);
        var draft = (await (await edesk.PostAsJsonAsync("/api/v1/faq", new { question = "پرسش پیش‌نویس", answer = "پاسخ" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var citizen = app.Anonymous();

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsync($"/api/v1/faq/{id}/helpful", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsync($"/api/v1/faq/{id}/helpful", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsync($"/api/v1/faq/{draft}/helpful", null)).StatusCode);

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, (await db.Faq.SingleAsync(f => f.Id == Guid.Parse(id))).Helpful);
        Assert.Equal(0, (await db.Faq.SingleAsync(f => f.Id == Guid.Parse(draft))).Helpful);
    }

    private static async Task<string> CreateAsync(HttpClient staff, string question, string[] alternatives)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/faq", new { question, answer = "پاسخ: " + question, alternatives, published = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<List<JsonObject>> SimilarAsync(HttpClient client, string question) =>
        [.. (await client.GetFromJsonAsync<JsonArray>("/api/v1/faq/similar?limit=5&q=" + Uri.EscapeDataString(question)))!.Select(m => m!.AsObject())];
}

public sealed class FaqCurationOnSqlite(TestDatabases databases) : FaqCurationScenarios(databases, Store.Sqlite);

public sealed class FaqCurationOnPostgres(TestDatabases databases) : FaqCurationScenarios(databases, Store.Postgres);
