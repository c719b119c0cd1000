using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// POST /api/v1/faq/{id}/helpful: a citizen says a suggested answer answered the question. Counted once
/// per client address and entry a day, and the endpoint counts against the tracking limit, so the count
/// cannot be inflated cheaply; a repeated vote is accepted silently. A plain form post (no script) is
/// sent on to a thank-you page.
/// </summary>
public static class CountHelpful
{
    private static readonly TimeSpan OncePer = TimeSpan.FromDays(1);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, IMemoryCache votes)
    {
        /// <summary>False when no published entry has the id.</summary>
        public async Task<bool> HandleAsync(Guid id, string? clientAddress, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Faq.AnyAsync(f => f.Id == id && f.PublishedAt != null, cancellationToken))
            {
                return false;
            }

            var key = ("faq-helpful", clientAddress ?? "unknown", id);
            if (votes.TryGetValue(key, out _))
            {
                return true;
            }

            votes.Set(key, true, OncePer);
            // One statement, so concurrent votes are all counted.
            await db.Faq.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Helpful, f => f.Helpful + 1), cancellationToken);
            return true;
        }
    }

    public static RouteGroupBuilder MapCountHelpful(this RouteGroupBuilder api)
    {
        api.MapPost("/faq/{id:guid}/helpful", async (Guid id, HttpContext http, Handler handler, CancellationToken ct) =>
        {
            var counted = await handler.HandleAsync(id, http.Connection.RemoteIpAddress?.ToString(), ct);
            if (http.Request.HasFormContentType)
            {
                return Results.Redirect(counted ? "/faq/answered" : "/faq", permanent: false, preserveMethod: false);
            }

            return counted ? Results.NoContent() : Results.NotFound();
        })
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .DisableAntiforgery()
            .WithTags("FAQ");
        return api;
    }
}
