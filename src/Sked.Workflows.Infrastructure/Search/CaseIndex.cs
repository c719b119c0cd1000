using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Audit;
using Document = Lucene.Net.Documents.Document;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The cases in a Lucene index of Persian terms, kept on disk in this node's own folder
/// (<see cref="CaseIndexOptions.CaseIndexPath"/>). <see cref="CaseIndexer"/> builds it and keeps it up to
/// date; until it holds every case (<see cref="IsReady"/>) searches answer null and callers use their
/// database query. Each commit records the audit chain position it has read up to, so a restart reads on
/// from there instead of rebuilding. The documents hold terms without synonyms; a search applies the current
/// synonym table (<see cref="CurrentSynonyms"/>), so an edit to it needs no rebuild.
/// </summary>
public sealed class CaseIndex(string folder, CurrentSynonyms synonyms) : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string SeqKey = "seq";
    private const string DatabaseKey = "database";
    private const string CompleteKey = "complete";
    private const string FormatKey = "format";
    private NRTCachingDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private volatile bool _ready;
    private bool _unflushed;

    /// <summary>What the folder held when it was opened: the chain position read up to, the database it was built from, whether it was complete.</summary>
    public sealed record State(ChainPosition Position, string? Database, bool Complete);

    /// <summary>An open case of the same citizen, with the terms of its subject and body.</summary>
    public sealed record Candidate(Guid CaseId, IReadOnlyList<string> Topic);

    public string Folder => folder;

    /// <summary>Whether the index holds every case, so its answers are complete.</summary>
    public bool IsReady => _ready;

    /// <summary>The audit chain position the index has read up to.</summary>
    public ChainPosition Position { get; private set; } = ChainPosition.Start;

    /// <summary>Opens (or creates) the folder; throws <see cref="LockObtainFailedException"/> when another process writes it.</summary>
    public State Open()
    {
        System.IO.Directory.CreateDirectory(folder);
        // Under a stream of changes every catch-up flushes a small segment, later merged: write segments as
        // plain files rather than packing each into a compound file first, and merge twenty at a time rather
        // than ten (docs/performance.md, fifth session). Small new segments are kept in memory until a commit
        // or a merge past 2 MB writes them (NRTCachingDirectory, 8 MB at most): creating a dozen files for each
        // refresh's segment cost 2 % of the machine's CPU under intake on ext4 (docs/performance.md, tenth session).
        // A case's document is a few hundred bytes, so under the merge policy's default floor (segments under
        // 2 MB all count as 2 MB) a whole index of some thousand cases looks like equal segments, and its largest
        // segment was merged again with every few new ones: a tenth of the app's CPU under intake. With a floor
        // of 0.1 MB segments are compared by what they hold (docs/performance.md, ninth session).
        _directory = new NRTCachingDirectory(FSDirectory.Open(folder), maxMergeSizeMB: 2, maxCachedMB: 8);
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0, SegmentsPerTier = 20, MaxMergeAtOnce = 20, FloorSegmentMB = 0.1 },
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, true, null);
        var data = _writer.CommitData;
        var state = new State(
            data.TryGetValue(SeqKey, out var seq) ? ChainPosition.Parse(seq) : ChainPosition.Start,
            data.TryGetValue(DatabaseKey, out var database) ? database : null,
            data.TryGetValue(CompleteKey, out var complete) && complete == "true"
                && data.TryGetValue(FormatKey, out var format) && format == CaseDocuments.Format);
        Position = state.Position;
        return state;
    }

    /// <summary>Empties the index before a rebuild; searches use the database meanwhile.</summary>
    internal void Clear()
    {
        _ready = false;
        Writer.DeleteAll();
    }

    /// <summary>Adds or replaces these cases' documents.</summary>
    internal void Put(IEnumerable<Document> documents)
    {
        foreach (var document in documents)
        {
            Writer.UpdateDocument(new Term(CaseDocuments.Id, document.Get(CaseDocuments.Id, CultureInfo.InvariantCulture)), document);
        }
    }

    /// <summary>Makes what was put durable and searchable, recording the chain position it reflects.</summary>
    internal void Commit(ChainPosition position, string database, bool complete)
    {
        SetCommitData(position, database, complete);
        Writer.Commit();
        _unflushed = false;
        _searchers!.MaybeRefreshBlocking();
        Position = position;
        _ready = complete;
    }

    /// <summary>
    /// Makes what was put searchable now, recording the chain position it reflects; it becomes durable
    /// with the next <see cref="Flush"/> (or commit). A Lucene commit writes and syncs files, which cost
    /// a tenth of the app's CPU under intake when done after every change; a crash before the flush loses
    /// only the position, and the next start reads the events past the last durable one again.
    /// </summary>
    internal void Publish(ChainPosition position, string database)
    {
        SetCommitData(position, database, complete: true);
        _unflushed = true;
        _searchers!.MaybeRefreshBlocking();
        Position = position;
        _ready = true;
    }

    /// <summary>Makes what was published durable; nothing to do when it already is.</summary>
    internal void Flush()
    {
        if (_unflushed)
        {
            Writer.Commit();
            _unflushed = false;
        }
    }

    private void SetCommitData(ChainPosition position, string database, bool complete) =>
        Writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SeqKey] = position.ToString(),
            [DatabaseKey] = database,
            [CompleteKey] = complete ? "true" : "false",
            [FormatKey] = CaseDocuments.Format,
        });

    /// <summary>
    /// Up to <paramref name="limit"/> cases whose text holds every term of <paramref name="text"/> (the last
    /// may be the start of a word, as one types), best first; with <paramref name="access"/>, only cases
    /// those keys may come across. Null when the index is not ready or the text has no terms: ask the database.
    /// </summary>
    public IReadOnlyList<Guid>? Find(string? text, IReadOnlyList<string>? access, int limit)
    {
        var query = Words(text);
        if (query is null)
        {
            return null;
        }

        if (access is not null)
        {
            query.Add(AnyOf(CaseAccessKeys.Field, access), Occur.MUST);
        }

        return Search(query, limit, IdOf);
    }

    /// <summary>Cases of a list (see <see cref="CaseListKeys"/>) in its due-date order, and how many cases of it match.</summary>
    /// <param name="Cases">Each case with where it comes first in the order (<see cref="CaseListKeys.Place"/>): none of its tasks in the lists comes earlier.</param>
    /// <param name="Total">How many cases of the lists match, counted up to the limit asked for and past the cases asked for (then there are at least as many).</param>
    public sealed record Listed(IReadOnlyList<(Guid CaseId, CaseListKeys.Place First)> Cases, int Total);

    /// <summary>
    /// The cases of <paramref name="lists"/> whose text holds every term of <paramref name="text"/> (as <see cref="Find"/>),
    /// ordered by their earliest active due date (undated first or last, as the store sorts them): those from
    /// <paramref name="skip"/>, at most <paramref name="take"/>; the count stops past both <paramref name="countUpTo"/> and
    /// <paramref name="skip"/> + <paramref name="take"/> (<see cref="CaseListOrder"/>). Null when the index is not ready or the text has no terms.
    /// </summary>
    public Listed? InListOrder(string? text, IReadOnlyList<string> lists, bool nullsFirst, int skip, int take, int countUpTo)
    {
        var query = Words(text);
        var searchers = _searchers;
        if (query is null || searchers is null)
        {
            return null;
        }

        var (due, task) = nullsFirst
            ? (CaseListKeys.FirstDueNullsFirst, CaseListKeys.FirstTaskNullsFirst)
            : (CaseListKeys.FirstDueNullsLast, CaseListKeys.FirstTaskNullsLast);
        var searcher = searchers.Acquire();
        try
        {
            var (hits, total) = CaseListOrder.Search(searcher, query, lists, nullsFirst, skip, take, countUpTo);
            return new Listed([.. hits.Select(hit => (IdOf(searcher, hit), FirstOf(searcher, hit, due, task)))], total);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Open cases created since <paramref name="since"/> by the citizen these keys name, other than <paramref name="except"/>. Null when not ready.</summary>
    public IReadOnlyList<Candidate>? SameCitizen(IReadOnlyList<string> citizen, DateTimeOffset since, Guid except, int limit)
    {
        if (!_ready)
        {
            return null;
        }

        if (citizen.Count == 0)
        {
            return [];
        }

        var table = synonyms.Table;
        var query = new BooleanQuery
        {
            { AnyOf(CitizenKeys.Field, citizen), Occur.MUST },
            { new TermQuery(new Term(CaseDocuments.Open, "1")), Occur.MUST },
            { NumericRangeQuery.NewInt64Range(CaseDocuments.Created, since.ToUnixTimeMilliseconds(), null, true, true), Occur.MUST },
            { new TermQuery(new Term(CaseDocuments.Id, except.ToString())), Occur.MUST_NOT },
        };
        return Search(query, limit, (searcher, hit) =>
        {
            var document = searcher.Doc(hit.Doc);
            var stored = document.Get(CaseDocuments.Topic, CultureInfo.InvariantCulture)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return new Candidate(CaseDocuments.IdOf(document), [.. stored.Select(table.Fold).Distinct(StringComparer.Ordinal)]);
        });
    }

    private List<T>? Search<T>(Query query, int limit, Func<IndexSearcher, ScoreDoc, T> read)
    {
        var searchers = _searchers;
        if (searchers is null)
        {
            return null;
        }

        var searcher = searchers.Acquire();
        try
        {
            return [.. searcher.Search(query, Math.Max(limit, 1)).ScoreDocs.Select(hit => read(searcher, hit))];
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // Read from the id column of the hit's segment: no stored fields are loaded.
    private static Guid IdOf(IndexSearcher searcher, ScoreDoc hit)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
        var bytes = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(CaseDocuments.Id).Get(hit.Doc - leaf.DocBase, bytes);
        return new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    // Every term of the text, the last as it is being typed; null when the index is not ready or the text has no terms.
    // Each word matches any word of its synonym group as the documents hold them (unfolded).
    internal BooleanQuery? Words(string? text)
    {
        var table = synonyms.Table;
        var terms = PersianTerms.Of(text, table).Distinct(StringComparer.Ordinal).ToList();
        if (!_ready || terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var term in terms.SkipLast(1))
        {
            query.Add(AnyOf(CaseDocuments.Terms, table.Expand(term)), Occur.MUST);
        }

        query.Add(Typing(terms[^1], table), Occur.MUST);
        return query;
    }

    private static CaseListKeys.Place FirstOf(IndexSearcher searcher, ScoreDoc hit, string due, string task)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
        var id = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(task).Get(hit.Doc - leaf.DocBase, id);
        return new CaseListKeys.Place(leaf.AtomicReader.GetNumericDocValues(due).Get(hit.Doc - leaf.DocBase), id.Utf8ToString());
    }

    // The word being typed: the whole term or a word of its synonym group, or (from three letters) any term it starts.
    private static BooleanQuery Typing(string term, SynonymTable table)
    {
        var typing = AnyOf(CaseDocuments.Terms, table.Expand(term));
        if (term.Length >= 3)
        {
            typing.Add(new PrefixQuery(new Term(CaseDocuments.Terms, term)) { MultiTermRewriteMethod = CaseListOrder.FewTermsAsClauses }, Occur.SHOULD);
        }

        return typing;
    }

    internal static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("The case index is not open.");

    public void Dispose()
    {
        _ready = false;
        _searchers?.Dispose();
        _writer?.Dispose();
        _directory?.Dispose();
    }
}
