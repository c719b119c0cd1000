using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;

namespace Sked.Workflows.Testing;

/// <summary>
/// The labelled set of issue 14 (Data/faq-labelled-set.json): FAQ entries of an electricity distributor,
/// each with rewordings as citizens type them, and near misses on other services. <see cref="MeasureAsync"/>
/// asks <see cref="FaqIndex"/> as <c>GET /api/v1/faq/similar</c> does and counts what it got right.
/// </summary>
public sealed record LabelledQuestions(IReadOnlyList<LabelledQuestions.Entry> Entries, IReadOnlyList<string> NearMisses)
{
    /// <summary>The recall goals of issue 14, and the most near misses that may be held the same question.</summary>
    public const double RecallAt1Goal = 0.85;
    public const double RecallAt5Goal = 0.97;
    public const double FalseSameQuestionGoal = 0.05;

    public sealed record Entry(string Question, string Answer, string Category, IReadOnlyList<string> Rewordings);

    /// <summary>What the matcher got: recall of the right entry first and in the first five, near misses held the same question, and the misses by name.</summary>
    public sealed record Figures(int Rewordings, double RecallAt1, double RecallAt5, int NearMisses, double FalseSameQuestion, IReadOnlyList<string> Misses)
    {
        public bool MeetsGoals => RecallAt1 >= RecallAt1Goal && RecallAt5 >= RecallAt5Goal && FalseSameQuestion <= FalseSameQuestionGoal;
    }

    public static LabelledQuestions Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "faq-labelled-set.json");
        var set = JsonSerializer.Deserialize<LabelledQuestions>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{path} is empty.");
        return set;
    }

    /// <summary>Publishes the entries (as the FAQ holds them) and returns each question's id.</summary>
    public async Task<Dictionary<string, Guid>> PublishAsync(IDbContextFactory<SkedDbContext> dbFactory, DateTimeOffset now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = Entries.Select(e => new FaqEntry
        {
            QuestionKey = PersianText.MatchKey(e.Question),
            Question = e.Question,
            Answer = e.Answer,
            Repeats = 3,
            UpdatedAt = now,
            PublishedAt = now,
        }).ToList();
        db.Faq.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.ToDictionary(r => r.Question, r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Asks every rewording and near miss; <paramref name="sameQuestionAt"/> is Faq:SameQuestionThreshold.</summary>
    public async Task<Figures> MeasureAsync(FaqIndex index, IReadOnlyDictionary<string, Guid> ids, double sameQuestionAt = 0.6)
    {
        int asked = 0, first = 0, inFive = 0;
        List<string> misses = [];
        foreach (var entry in Entries)
        {
            foreach (var rewording in entry.Rewordings)
            {
                var found = await index.SimilarAsync(rewording, 5, sameQuestionAt, CancellationToken.None);
                asked++;
                var rank = found.ToList().FindIndex(m => m.Id == ids[entry.Question]);
                first += rank == 0 ? 1 : 0;
                inFive += rank >= 0 ? 1 : 0;
                if (rank != 0)
                {
                    misses.Add($"«{rewording}» → {(found.Count == 0 ? "nothing" : "«" + found[0].Question + "»")} (rank {(rank < 0 ? "-" : (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))})");
                }
            }
        }

        var falseSame = 0;
        foreach (var near in NearMisses)
        {
            var found = await index.SimilarAsync(near, 5, sameQuestionAt, CancellationToken.None);
            if (found.FirstOrDefault(m => m.SameQuestion) is { } wrong)
            {
                falseSame++;
                misses.Add($"near miss «{near}» held the same as «{wrong.Question}»");
            }
        }

        return new Figures(asked, (double)first / asked, (double)inFive / asked, NearMisses.Count, (double)falseSame / NearMisses.Count, misses);
    }
}
