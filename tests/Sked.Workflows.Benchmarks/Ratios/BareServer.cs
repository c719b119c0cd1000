using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Cases;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// The floor under the app: a bare Kestrel endpoint (a <see cref="SlimServer"/>, as hello-world: no middleware) that does
/// only the database work of a request, by plain ADO.NET on pooled connections. POST <see cref="SubmitPath"/>
/// parses the complaint's JSON and writes the reference's rows for one case in one transaction
/// (<see cref="CaseTemplate"/>, as R_case does); GET <see cref="LookupPath"/> runs the tracking lookup's
/// statement and answers its rows as JSON. What these reach is what any app could reach on this machine
/// with the load clients, HTTP and the database sharing its cores; the app's figures read against it tell
/// what the app itself costs.
/// </summary>
internal static class BareServer
{
    public const string SubmitPath = "/bare/cases";
    public const string LookupPath = "/bare/cases/";

    /// <summary>Lookups read <paramref name="lookups"/>; submissions (when a template is given) write to <paramref name="writes"/>.</summary>
    public static Task<SlimServer> StartAsync(DatabaseTarget lookups, DatabaseTarget? writes = null, CaseTemplate? template = null) =>
        SlimServer.StartAsync(app =>
        {
            var read = Pooled(lookups);
            app.MapGet(LookupPath + "{code}", (string code) => LookUpAsync(read, code));
            if (writes is not null && template is not null)
            {
                var write = Pooled(writes);
                // SQLite has one writer: its requests take turns, as R_case's clients do.
                var gate = CaseWriteReference.Gate(writes.Store, int.MaxValue);
                app.MapPost(SubmitPath, (HttpRequest request) => SubmitAsync(write, gate, template, request));
            }
        });

    // PostgreSQL as the app connects (pooled, without the pool's reset, statements prepared automatically).
    private static DatabaseTarget Pooled(DatabaseTarget target) => target.Store == Store.Postgres
        ? target with { ConnectionString = PostgresConnections.Tuned(target.ConnectionString) }
        : target;

    private static async Task<IResult> LookUpAsync(DatabaseTarget database, string code)
    {
        await using var connection = await Sql.OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = TrackCase.SeenSql; // the app's own lookup statement
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@code";
        parameter.Value = code;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<object?[]>();
        object?[]? head = null;
        while (await reader.ReadAsync())
        {
            head ??= [.. Enumerable.Range(0, 11).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))];
            steps.Add([.. Enumerable.Range(11, 3).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return head is null ? Results.NotFound() : Results.Json(new { Case = head, Timeline = steps });
    }

    private static async Task<IResult> SubmitAsync(DatabaseTarget database, SemaphoreSlim gate, CaseTemplate template, HttpRequest request)
    {
        using var complaint = await JsonDocument.ParseAsync(request.Body);
        if (complaint.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Results.BadRequest();
        }

        await using (var connection = await Sql.OpenAsync(database))
        {
            await CaseWriteReference.WriteOneAsync(connection, gate, template);
        }

        return Results.Created((string?)null, new { Written = true });
    }
}
