using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The FAQ in a Lucene index of Persian terms (<see cref="PersianTerms"/>), so a question in other words,
/// spellings or colloquial Persian finds the entry that answers it. Each entry is indexed under its
/// question and every alternative wording. Citizens search the published entries; staff (the e-desk's
/// "probably the same as") search earlier public questions kept unpublished too. Kept in memory and
/// rebuilt from the database when the FAQ changed (checked at most every <see cref="Freshness"/>, or
/// at once after <see cref="Invalidate"/>), and at once when the synonym table changed
/// (<see cref="CurrentSynonyms"/>): the index holds folded terms, and with a few hundred entries
/// analysing them again costs milliseconds, so the matcher never mixes two tables.
/// </summary>
public sealed class FaqIndex(IDbContextFactory<SkedDbContext> dbFactory, CurrentSynonyms synonyms, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private Snapshot? _current;
    private int _generation;

    /// <summary>An entry that may answer <c>q</c>: its score, whether the system holds it to be the same question, and whether citizens see it.</summary>
    public sealed record Match(Guid Id, string Question, string Answer, double Score, bool SameQuestion, bool Published = true);

    /// <summary>
    /// At most <paramref name="limit"/> published entries for <paramref name="question"/>, best first; <paramref name="sameQuestionAt"/>
    /// is the share of the question's terms the entry must hold to be the same question.
    /// </summary>
    public Task<IReadOnlyList<Match>> SimilarAsync(string question, int limit, double sameQuestionAt, CancellationToken cancellationToken) =>
        SimilarAsync(question, limit, sameQuestionAt, includeUnpublished: false, cancellationToken);

    /// <summary>As above; with <paramref name="includeUnpublished"/> (staff only) earlier public questions not published count too.</summary>
    public async Task<IReadOnlyList<Match>> SimilarAsync(string question, int limit, double sameQuestionAt, bool includeUnpublished, CancellationToken cancellationToken)
    {
        var table = synonyms.Table;
        var terms = PersianTerms.Of(question, table).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var snapshot = await CurrentAsync(table, cancellationToken);
        var words = new BooleanQuery();
        foreach (var term in terms)
        {
            words.Add(new TermQuery(new Term("terms", term)), Occur.SHOULD);
        }

        // A filter, not a clause: whether an entry is published must not change its score.
        var filter = includeUnpublished ? null : new QueryWrapperFilter(new TermQuery(new Term("published", "1")));
        return [.. snapshot.Searcher.Search(words, filter, (limit * 4) + FaqEntry.AlternativesMax).ScoreDocs
            .Select(hit => (Document: snapshot.Searcher.Doc(hit.Doc), hit.Score))
            .Select(hit => (Entry: snapshot.Entries[hit.Document.Get("id", CultureInfo.InvariantCulture)], Wording: hit.Document.Get("terms", CultureInfo.InvariantCulture), hit.Score))
            .GroupBy(h => h.Entry.Id)
            .Take(limit)
            // The entry's best wording gives its rank; any of its wordings may make it the same question.
            .Select(g => new Match(g.First().Entry.Id, g.First().Entry.Question, g.First().Entry.Answer, Math.Round(g.Max(h => h.Score), 4),
                g.Any(h => IsSameQuestion(terms, h.Wording.Split(' ', StringSplitOptions.RemoveEmptyEntries), sameQuestionAt)), g.First().Entry.Published))];
    }

    /// <summary>The FAQ changed in this process: the next search rebuilds instead of waiting for the freshness check.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The same decision for two texts outside the index (a new public question and an earlier one still open).</summary>
    public bool IsSameQuestion(string asked, string earlier, double sameQuestionAt)
    {
        var table = synonyms.Table;
        var terms = PersianTerms.Of(asked, table).Distinct(StringComparer.Ordinal).ToList();
        return terms.Count > 0 && IsSameQuestion(terms, [.. PersianTerms.Of(earlier, table)], sameQuestionAt);
    }

    /// <summary>
    /// The same question: most of what was asked is in the entry (at least <paramref name="coverage"/> of its
    /// terms), the entry is not mostly about something else (at least 40 % of its terms asked), and the
    /// question names no other service (gas, water…) that the entry does not.
    /// </summary>
    private static bool IsSameQuestion(List<string> asked, string[] wording, double coverage)
    {
        var entry = wording.Distinct(StringComparer.Ordinal).ToList();
        var askedCovered = asked.Count(t => entry.Exists(e => PersianTerms.Related(t, e)));
        var entryCovered = entry.Count(e => asked.Exists(t => PersianTerms.Related(t, e)));
        return askedCovered >= coverage * asked.Count && entryCovered >= 0.4 * entry.Count
            && !asked.Exists(t => PersianTerms.IsOtherService(t) && !entry.Contains(t, StringComparer.Ordinal));
    }

    // The snapshot analysed with this table: a question is always compared with entries folded the same way.
    private async Task<Snapshot> CurrentAsync(SynonymTable table, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is { } fresh && now - fresh.CheckedAt < Freshness && fresh.Generation == Volatile.Read(ref _generation) && fresh.Synonyms == table)
        {
            return fresh;
        }

        await _rebuilding.WaitAsync(cancellationToken);
        try
        {
            // Read before the rows, so a change committed meanwhile leaves this snapshot stale and it is built again.
            var generation = Volatile.Read(ref _generation);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var all = db.Faq.AsNoTracking();
            // One statement for the check that runs every two seconds on every node.
            var stamp = (await all.GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Latest = g.Max(f => (DateTimeOffset?)f.UpdatedAt) })
                .ToListAsync(cancellationToken)).FirstOrDefault();
            var version = $"{stamp?.Count ?? 0}:{stamp?.Latest}";
            if (_current is { } same && same.Version == version && same.Generation == generation && same.Synonyms == table)
            {
                _current = same with { CheckedAt = now };
                return _current;
            }

            var entries = await all.Select(f => new Entry(f.Id, f.Question, f.Answer, f.Alternatives, f.PublishedAt != null)).ToListAsync(cancellationToken);
            // The previous snapshot is not disposed: a search that took it a moment ago may still be reading
            // it. It holds managed memory only, so the collector frees it once the last reader lets go.
            _current = Build(entries, table, version, generation, now);
            return _current;
        }
        finally
        {
            _rebuilding.Release();
        }
    }

    private static Snapshot Build(IReadOnlyList<Entry> entries, SynonymTable table, string version, int generation, DateTimeOffset now)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))))
        {
            // One document per wording, so an alternative is judged on its own terms, not diluted by the others.
            foreach (var entry in entries)
            {
                foreach (var wording in entry.Alternatives.Prepend(entry.Question))
                {
                    writer.AddDocument(new Document
                    {
                        new StringField("id", entry.Id.ToString(), Field.Store.YES),
                        new StringField("published", entry.Published ? "1" : "0", Field.Store.NO),
                        new TextField("terms", string.Join(' ', PersianTerms.Of(wording, table)), Field.Store.YES),
                    });
                }
            }

            writer.Commit();
        }

        return new Snapshot(version, generation, table, now, entries.ToDictionary(e => e.Id.ToString()), new IndexSearcher(DirectoryReader.Open(directory)));
    }

    public void Dispose() => _rebuilding.Dispose();

    private sealed record Entry(Guid Id, string Question, string Answer, List<string> Alternatives, bool Published);

    private sealed record Snapshot(string Version, int Generation, SynonymTable Synonyms, DateTimeOffset CheckedAt, Dictionary<string, Entry> Entries, IndexSearcher Searcher);
}
