using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Faq;

/// <summary>A citizen's question in other words, spellings or colloquial Persian finds the published entry that answers it; a question on another subject does not.</summary>
public abstract class SimilarQuestionScenarios(TestDatabases databases, Store store)
{
    /// <summary>Entries as the FAQ publishes them, each with rewordings as citizens type them.</summary>
    private static readonly (string Question, string[] Rewordings)[] Entries =
    [
        ("چگونه قبض المثنی برق را دریافت کنم؟", ["قبض المثنی برق رو از کجا بگیرم", "صورتحساب المثني برق", "میخوام قبض المثنی برقمو بگیرم"]),
        ("چرا مبلغ قبض برق این ماه زیاد شده است؟", ["چرا قبضم اینقدر زیاد اومده", "هزینه صورتحساب برق این ماه خیلی زیاده", "مبلغ قبض برق زیاد شده چرا"]),
        ("برای گرفتن انشعاب برق خانه چه مدارکی لازم است؟", ["مدارک لازم برای انشعاب برق خونه چیه", "میخوام برای خانه‌ام انشعاب برق بگیرم مدارکش چیه", "مدارك انشعاب برق خانه"]),
        ("خاموشی‌های برنامه‌ریزی‌شده را از کجا ببینم؟", ["جدول قطعی برق برنامه ریزی شده کجاست", "برنامه خاموشی ها رو کجا ببینم", "قطع برق برنامه‌ریزی‌شده"]),
        ("کنتور برق خراب شده است؛ چه کنم؟", ["کنتور برقم خرابه چکار کنم", "کنتور خراب شده", "شمارنده برق خراب است"]),
        ("چگونه قبض برق را آنلاین پرداخت کنم؟", ["پرداخت اینترنتی قبض برق", "قبض برق رو آنلاین چطوری پرداخت کنم", "واریز آنلاین صورتحساب برق"]),
        ("گزارش استفاده غیرمجاز از برق برای ماینر", ["ماینر غیرمجاز در همسایگی", "گزارش استخراج رمزارز با برق", "گزارش ماينر غیرمجاز همسايه"]),
        ("تیر برق کج شده و خطرناک است", ["تیر برق کوچه ما کج شده", "دکل برق خطرناکه", "پایه برق کج شده و خطر داره"]),
    ];

    /// <summary>Questions on nearby subjects that must not count as the same question as any entry.</summary>
    private static readonly string[] NearMisses =
    [
        "قبض گاز این ماه زیاد آمده",
        "انشعاب آب برای خانه چه مدارکی دارد",
        "قطعی آب محله ما",
        "کنتور گاز خراب شده",
        "پرداخت قبض تلفن ثابت",
        "تیر چراغ راهنمایی کج شده",
    ];

    [Fact]
    public async Task Rewordings_FindTheirEntryFirst_AsTheSameQuestion_AndNearMissesDoNot()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var ids = await PublishAsync(app);
        var citizen = app.Anonymous();

        foreach (var (question, rewordings) in Entries)
        {
            foreach (var rewording in rewordings)
            {
                var best = (await SimilarAsync(citizen, rewording)).FirstOrDefault();
                Assert.True(best is not null && best["id"]!.GetValue<string>() == ids[question], $"«{rewording}» did not find «{question}» first");
                Assert.True(best!["sameQuestion"]!.GetValue<bool>(), $"«{rewording}» was not held to be the same as «{question}»");
            }
        }

        foreach (var near in NearMisses)
        {
            Assert.DoesNotContain(await SimilarAsync(citizen, near), m => m["sameQuestion"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task TheFaqPage_SearchesWithTheSameAnalysis_BestAnswerFirst()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        await PublishAsync(app);

        var html = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/faq?q=" + Uri.EscapeDataString("چرا قبضم اینقدر زیاد اومده")));

        var best = html.IndexOf("چرا مبلغ قبض برق این ماه زیاد شده است؟", StringComparison.Ordinal);
        Assert.True(best > 0, "the colloquial question found its entry");
        Assert.True(best < html.IndexOf("چگونه قبض برق را آنلاین پرداخت کنم؟", StringComparison.Ordinal), "the best answer comes first");
        Assert.DoesNotContain("کنتور برق خراب شده است", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadQuestion_IsAProblemWithItsField_NotAnError()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var citizen = app.Anonymous();

        var empty = await citizen.GetAsync("/api/v1/faq/similar?q=");
        var tooMany = await citizen.GetAsync("/api/v1/faq/similar?q=قبض&limit=1000");
        var nothing = await citizen.GetFromJsonAsync<JsonArray>("/api/v1/faq/similar?q=" + Uri.EscapeDataString("؟؟ !!"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["q"]);
        Assert.NotNull((await tooMany.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["limit"]);
        Assert.Empty(nothing!);
    }

    private static async Task<Dictionary<string, string>> PublishAsync(TestApp app)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var now = app.Service<TimeProvider>().GetUtcNow();
        var entries = Entries.Select(e => new FaqEntry
        {
            QuestionKey = Domain.Text.PersianText.MatchKey(e.Question),
            Question = e.Question,
            Answer = "پاسخ: " + e.Question,
            Repeats = 3,
            UpdatedAt = now,
            PublishedAt = now,
        }).ToList();
        db.Faq.AddRange(entries);
        await db.SaveChangesAsync();
        return entries.ToDictionary(e => e.Question, e => e.Id.ToString());
    }

    private static async Task<List<JsonObject>> SimilarAsync(HttpClient client, string question) =>
        [.. (await client.GetFromJsonAsync<JsonArray>("/api/v1/faq/similar?limit=5&q=" + Uri.EscapeDataString(question)))!.Select(m => m!.AsObject())];
}

public sealed class SimilarQuestionsOnSqlite(TestDatabases databases) : SimilarQuestionScenarios(databases, Store.Sqlite);

public sealed class SimilarQuestionsOnPostgres(TestDatabases databases) : SimilarQuestionScenarios(databases, Store.Postgres);
