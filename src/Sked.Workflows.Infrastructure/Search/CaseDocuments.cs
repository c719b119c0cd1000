using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// A case as the case index holds it: the Persian terms (<see cref="PersianTerms"/>) of the citizen's
/// name, subject, body, answer, what staff wrote in its tasks and its tracking code; the subject's and
/// body's terms stored for comparing two cases; who the citizen is (<see cref="CitizenKeys"/>), when it
/// came and whether it is open, for finding duplicates; who may come across it (<see cref="CaseAccessKeys"/>); and which
/// task lists it is in, with where it comes first in their order (<see cref="CaseListKeys"/>).
/// The terms are analysed without synonyms (<see cref="SynonymTable.Empty"/>): staff edit the synonym table at
/// run time, and re-analysing a million cases after each edit would leave search on the slow database query for
/// minutes; instead a search folds its words with the current table and asks for every word of their groups
/// (<see cref="CaseIndex.Find"/>), and stored topics are folded as they are read.
/// </summary>
public static class CaseDocuments
{
    public const string Id = "id";
    public const string Terms = "terms";
    public const string Topic = "topic";
    public const string Created = "created";
    public const string Open = "open";

    /// <summary>The documents of these cases as the database holds them now; a case that is gone gives none.</summary>
    public static async Task<List<Document>> LoadAsync(SkedDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var tasks = (await CaseTasks.Of(db, caseIds).ToListAsync(cancellationToken)).ToLookup(t => t.CaseId);
        return [.. cases.Select(c => Of(c, tasks[c.Id]))];
    }

    public static Document Of(CaseFile @case, IEnumerable<HumanTask> tasks)
    {
        var taskList = tasks.ToList();
        var written = taskList.SelectMany(t => t.Data.Values).Where(v => v.Length > 3);
        var text = string.Join(' ', [@case.Anonymous ? null : @case.Citizen.Name, @case.Subject, @case.Body, @case.Answer, .. written, @case.TrackingCode]);
        var document = new Document
        {
            new StringField(Id, @case.Id.ToString(), Field.Store.YES),
            // The id again as a column, so a search reads its hits' ids without loading their stored fields.
            new BinaryDocValuesField(Id, new BytesRef(@case.Id.ToByteArray())),
            new TextField(Terms, string.Join(' ', PersianTerms.Of(text, SynonymTable.Empty)), Field.Store.NO),
            new StoredField(Topic, string.Join(' ', TopicOf(@case.Subject + " " + @case.Body, SynonymTable.Empty))),
            new Int64Field(Created, @case.CreatedAt.ToUnixTimeMilliseconds(), Field.Store.NO),
            new StringField(Open, @case.ClosedAt is null ? "1" : "0", Field.Store.NO),
        };
        foreach (var key in CitizenKeys.Of(@case))
        {
            document.Add(new StringField(CitizenKeys.Field, key, Field.Store.NO));
        }

        foreach (var key in CaseAccessKeys.Of(taskList).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(CaseAccessKeys.Field, key, Field.Store.NO));
        }

        CaseListKeys.AddTo(document, taskList);
        return document;
    }

    /// <summary>The distinct terms of a text, as two cases' topics are compared (with the current synonym table).</summary>
    public static IReadOnlyList<string> TopicOf(string text, SynonymTable synonyms) => [.. PersianTerms.Of(text, synonyms).Distinct(StringComparer.Ordinal)];

    /// <summary>What <see cref="Of"/> writes; an index written in another format is rebuilt (3: terms without synonyms, list keys; 4: list keys by day).</summary>
    public const string Format = "4";

    public static Guid IdOf(Document document) => Guid.Parse(document.Get(Id, CultureInfo.InvariantCulture));
}
