using Microsoft.AspNetCore.Mvc;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>
/// GET /api/v1/cases/{trackingCode}: what a citizen may see of a case. Persian status labels, no
/// internal notes and no staff names; a letter also needs its password (X-Tracking-Password).
/// </summary>
public static class TrackCase
{
    public const string PasswordHeader = "X-Tracking-Password";

    public sealed record TimelineItem(DateTimeOffset At, string AtJalali, string Status, string Label);

    public sealed record AnswerView(string Text, DateTimeOffset At, string AtJalali);

    // ExpectedAnswerMovedBecause: why the promised date moved (a closure, a calendar change, a pause for the citizen), in Persian; null when it never moved.
    public sealed record Response(string TrackingCode, string Type, string TypeName, string Status, string StatusLabel,
        DateTimeOffset CreatedAt, DateTimeOffset? ExpectedAnswerAt, IReadOnlyList<TimelineItem> Timeline, AnswerView? Answer,
        string? ExpectedAnswerMovedBecause = null);

    public static RouteGroupBuilder MapTrackCase(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{trackingCode}", Handle)
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .WithTags("Cases")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    // Compiled once per model: a lookup skips LINQ translation and goes straight to the (cached) SQL. A
    // compiled query serves only the model it was first run with (one per store in a process, more in tests).
    private static readonly ConditionalWeakTable<IModel, Func<SkedDbContext, string, CancellationToken, Task<CaseFile?>>> ByCode = new();

    private static Task<CaseFile?> ByCodeAsync(SkedDbContext db, string code, CancellationToken cancellationToken) =>
        ByCode.GetValue(db.Model, static _ => EF.CompileAsyncQuery((SkedDbContext context, string trackingCode, CancellationToken _) =>
            context.Cases.AsNoTracking().Include(c => c.Timeline).SingleOrDefault(c => c.TrackingCode == trackingCode)))(db, code, cancellationToken);

    /// <summary>A lookup's outcome: the case, or nothing and, for a letter resting after wrong passwords, how long it rests.</summary>
    public sealed record Lookup(CaseFile? Case, TimeSpan? RestingFor = null);

    // What the API's answer shows of a case, and the two columns it checks. Read alone, without the body,
    // the contact and the rest of the case repeated on every timeline row: that was most of a lookup's time.
    private sealed record Seen(string TrackingCode, string Type, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ExpectedAnswerAt,
        string? Answer, DateTimeOffset? AnsweredAt, string? PasswordHash, Guid? MergedIntoId, string? PromiseMovedBy, string? PromiseMovedDetail,
        List<SeenStep> Timeline);

    private sealed record SeenStep(DateTimeOffset At, string Status, string? Detail);

    // A plain statement kept prepared rather than an EF query: the public lookup is the hottest read, and
    // EF's own work per query (building its shaper's delegates each time) cost more than the query. Columns
    // as the model maps them; the timeline in the order it was written.
    // The lookup benchmark's floor runs the same statement behind a bare endpoint, hence public.
    public const string SeenSql = """
        SELECT c."TrackingCode", c."Type", c."Status", c."CreatedAt", c."ExpectedAnswerAt", c."Answer", c."AnsweredAt", c."PasswordHash",
               c."MergedIntoId", c."PromiseMovedBy", c."PromiseMovedDetail", t."At", t."Status", t."Detail"
        FROM cases AS c LEFT JOIN case_timeline AS t ON t."CaseId" = c."Id"
        WHERE c."TrackingCode" = @code
        ORDER BY t."Id"
        """;

    private static async Task<Seen?> SeenAsync(PreparedContexts.Lease lease, string code, CancellationToken cancellationToken)
    {
        using var plain = lease.PreparedCommand(SeenSql).With("@code", code);
        await using var reader = await plain.Command.ExecuteReaderAsync(cancellationToken);
        Seen? seen = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            seen ??= new Seen(reader.GetString(0), reader.GetString(1), reader.GetString(2), PlainCommand.Instant(reader, 3),
                PlainCommand.InstantOrNull(reader, 4), Text(reader, 5), PlainCommand.InstantOrNull(reader, 6), Text(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetGuid(8), Text(reader, 9), Text(reader, 10), []);
            if (!reader.IsDBNull(11))
            {
                seen.Timeline.Add(new SeenStep(PlainCommand.Instant(reader, 11), reader.GetString(12), Text(reader, 13)));
            }
        }

        return seen;
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// The case a citizen may see by its code (and, for a letter, its password); null when either is wrong.
    /// The API and the portal's track page both look up through here, each on a prepared context of its own (prepared statements on SQLite).
    /// </summary>
    public sealed class Handler(PreparedContexts contexts, LetterGuesses guesses)
    {
        public async Task<CaseFile?> HandleAsync(TrackingCode code, string? password, CancellationToken cancellationToken) =>
            (await LookUpAsync(code, password, cancellationToken)).Case;

        public async Task<Lookup> LookUpAsync(TrackingCode code, string? password, CancellationToken cancellationToken)
        {
            await using var lease = await contexts.RentAsync(cancellationToken);
            var found = await ByCodeAsync(lease.Context, code.Value, cancellationToken);
            if (found is null)
            {
                return new Lookup(null);
            }

            if (Refusal(found.TrackingCode, found.PasswordHash, password) is { } refused)
            {
                return refused;
            }

            await Duplicates.MergedAnswer.FillAsync(lease.Context, found, cancellationToken);
            return new Lookup(found);
        }

        /// <summary>The API's answer for a code (and password): the same checks as <see cref="LookUpAsync"/>, on the columns the answer shows.</summary>
        public async Task<(Response? Found, TimeSpan? RestingFor)> AnswerAsync(TrackingCode code, string? password, CancellationToken cancellationToken)
        {
            await using var lease = await contexts.RentAsync(cancellationToken);
            var seen = await SeenAsync(lease, code.Value, cancellationToken);
            if (seen is null)
            {
                return (null, null);
            }

            if (Refusal(seen.TrackingCode, seen.PasswordHash, password) is { } refused)
            {
                return (null, refused.RestingFor);
            }

            if (seen is { MergedIntoId: { } into, Answer: null })
            {
                var (answer, answeredAt) = await Duplicates.MergedAnswer.OfAsync(lease.Context, into, cancellationToken);
                seen = seen with { Answer = answer, AnsweredAt = answeredAt };
            }

            return (ToResponse(seen), null);
        }

        /// <summary>
        /// The case read again after the citizen changed it, for a page that opened it by its code (and
        /// password) in the same request: the password is not checked, and so not counted, a second time.
        /// </summary>
        public async Task<CaseFile?> ReloadAsync(CaseFile opened, CancellationToken cancellationToken)
        {
            await using var lease = await contexts.RentAsync(cancellationToken);
            var found = await ByCodeAsync(lease.Context, opened.TrackingCode, cancellationToken);
            if (found is not null)
            {
                await Duplicates.MergedAnswer.FillAsync(lease.Context, found, cancellationToken);
            }

            return found;
        }

        // A wrong password and an unknown code get the same answer, so neither can be probed alone.
        private Lookup? Refusal(string trackingCode, string? passwordHash, string? password) => guesses.Opens(trackingCode, passwordHash, password) switch
        {
            LetterGuesses.Check.Wrong => new Lookup(null),
            LetterGuesses.Check.Resting => new Lookup(null, guesses.RestingFor(trackingCode)),
            _ => null,
        };
    }

    private static async Task<IResult> Handle(string trackingCode, [FromHeader(Name = PasswordHeader)] string? password, Handler handler,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code))
        {
            return ApiResults.Invalid("trackingCode", Domain.Text.Catalogue.Render(CaseLookupErrors.TrackingCodeFormat));
        }

        var (found, restingFor) = await handler.AnswerAsync(code, password, cancellationToken);
        if (found is not null)
        {
            return Results.Ok(found);
        }

        if (restingFor is { } wait)
        {
            Http.RetryAfter.Set(http.Response, wait);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Domain.Text.Catalogue.Render(CaseLookupErrors.LetterResting));
        }

        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Domain.Text.Catalogue.Render(CaseLookupErrors.TrackNotFound));
    }

    private static Response ToResponse(Seen found) => new(
        found.TrackingCode,
        found.Type,
        CaseTypes.PersianNames.GetValueOrDefault(found.Type, found.Type),
        found.Status,
        Label(found.Status, null),
        found.CreatedAt,
        CaseStatuses.IsFinal(found.Status) ? null : found.ExpectedAnswerAt,
        found.Timeline
            .Select(t => new TimelineItem(t.At, JalaliDate.Format(t.At), t.Status, Label(t.Status, t.Detail)))
            .ToList(),
        found.Answer is null || found.AnsweredAt is null ? null : new AnswerView(found.Answer, found.AnsweredAt.Value, JalaliDate.Format(found.AnsweredAt.Value)),
        CaseStatuses.IsFinal(found.Status) ? null : Calendar.PromiseNote.For(found.PromiseMovedBy, found.PromiseMovedDetail));

    private static string Label(string status, string? detail)
    {
        var label = CaseStatuses.PersianLabels.GetValueOrDefault(status, status);
        return string.IsNullOrEmpty(detail) ? label : $"{label} ({detail})";
    }
}
