using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The published FAQ in a Lucene index of Persian terms (<see cref="PersianTerms"/>), so a question in
/// other words, spellings or colloquial Persian finds the entry that answers it. Kept in memory and
/// rebuilt from the database when the FAQ changed (checked at most every <see cref="Freshness"/>).
/// </summary>
public sealed class FaqIndex(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private Snapshot? _current;

    /// <summary>A published entry that may answer <c>q</c>: its score and whether the system holds it to be the same question.</summary>
    public sealed record Match(Guid Id, string Question, string Answer, double Score, bool SameQuestion);

    /// <summary>
    /// At most <paramref name="limit"/> entries for <paramref name="question"/>, best first; <paramref name="sameQuestionAt"/>
    /// is the share of the question's terms the entry must hold to be the same question.
    /// </summary>
    public async Task<IReadOnlyList<Match>> SimilarAsync(string question, int limit, double sameQuestionAt, CancellationToken cancellationToken)
    {
        var terms = PersianTerms.Of(question).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var snapshot = await CurrentAsync(cancellationToken);
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term("terms", term)), Occur.SHOULD);
        }

        return [.. snapshot.Searcher.Search(query, limit * 4).ScoreDocs
            .Select(hit => (Document: snapshot.Searcher.Doc(hit.Doc), hit.Score))
            .Select(hit => (Entry: snapshot.Entries[hit.Document.Get("id", CultureInfo.InvariantCulture)], Wording: hit.Document.Get("terms", CultureInfo.InvariantCulture), hit.Score))
            .GroupBy(h => h.Entry.Id)
            .Select(g => g.OrderByDescending(h => h.Score).First())
            .Take(limit)
            .Select(h => new Match(h.Entry.Id, h.Entry.Question, h.Entry.Answer, Math.Round(h.Score, 4),
                IsSameQuestion(terms, h.Wording.Split(' ', StringSplitOptions.RemoveEmptyEntries), sameQuestionAt)))];
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

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is { } fresh && now - fresh.CheckedAt < Freshness)
        {
            return fresh;
        }

        await _rebuilding.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var published = db.Faq.AsNoTracking().Where(f => f.PublishedAt != null);
            var version = $"{await published.CountAsync(cancellationToken)}:{await published.MaxAsync(f => (DateTimeOffset?)f.UpdatedAt, cancellationToken)}";
            if (_current is { } same && same.Version == version)
            {
                _current = same with { CheckedAt = now };
                return _current;
            }

            var entries = await published.Select(f => new Entry(f.Id, f.Question, f.Answer)).ToListAsync(cancellationToken);
            var previous = _current;
            _current = Build(entries, version, now);
            previous?.Dispose();
            return _current;
        }
        finally
        {
            _rebuilding.Release();
        }
    }

    private static Snapshot Build(IReadOnlyList<Entry> entries, string version, DateTimeOffset now)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))))
        {
            foreach (var entry in entries)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", entry.Id.ToString(), Field.Store.YES),
                    new TextField("terms", string.Join(' ', PersianTerms.Of(entry.Question)), Field.Store.YES),
                });
            }

            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        return new Snapshot(version, now, entries.ToDictionary(e => e.Id.ToString()), directory, reader, new IndexSearcher(reader));
    }

    public void Dispose()
    {
        _current?.Dispose();
        _rebuilding.Dispose();
    }

    private sealed record Entry(Guid Id, string Question, string Answer);

    private sealed record Snapshot(string Version, DateTimeOffset CheckedAt, Dictionary<string, Entry> Entries, RAMDirectory Directory, DirectoryReader Reader, IndexSearcher Searcher)
        : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Directory.Dispose();
        }
    }
}
