using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Web.Features.Audit;

namespace Sked.Workflows.Web.Http;

/// <summary>HTTP concerns: JSON, ProblemDetails, OpenAPI, role policies, rate limits, headers.</summary>
public static class WebApiRegistration
{
    public const string TrackingLimit = "tracking";
    public const string SubmissionLimit = "submission";
    public const string LoginLimit = "login";

    public static IHostApplicationBuilder AddWebApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadInputHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.EDesk, p => p.RequireRole(Roles.EDesk, Roles.Admin))
            .AddPolicy(Policies.Operations, p => p.RequireRole(Roles.Admin, Roles.ProcessOwner))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        AddRateLimits(builder);
        return builder;
    }

    private static void AddRateLimits(IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits");
        var trackingPerMinute = limits.GetValue("TrackingPerMinute", 30);
        var submissionsPerMinute = limits.GetValue("SubmissionsPerMinute", 10);
        var loginsPerMinute = limits.GetValue("LoginsPerMinute", 30);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TrackingLimit, context => PerClient(context, trackingPerMinute));
            o.AddPolicy(SubmissionLimit, context => PerClient(context, submissionsPerMinute));
            // The portal's form posts (Razor pages, not API endpoints) count against the same limits.
            var portalPosts = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Features.Portal.PortalRegistration.LimitFor(context.Request) switch
                {
                    null => RateLimitPartition.GetNoLimiter("none"),
                    var kind => PerClient(context, kind switch
                    {
                        TrackingLimit => trackingPerMinute,
                        LoginLimit => loginsPerMinute,
                        _ => submissionsPerMinute,
                    }, kind),
                });
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(portalPosts, LookupsAtOnce(limits));
            o.OnRejected = async (context, cancellationToken) =>
            {
                // The windows say when they reopen; the one refusal without a time is a full queue of lookups, which drains in a second.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                RetryAfter.Set(context.HttpContext.Response, retryAfter);
                var message = Domain.Text.Catalogue.Render(HttpTexts.TooManyRequests);
                var result = ErrorAnswer.For(context.HttpContext, StatusCodes.Status429TooManyRequests, message);
                await result.ExecuteAsync(context.HttpContext);
            };
        });
    }

    // A few tracking lookups at once (by default four per core), the others waiting oldest first. A lookup's
    // work is CPU on these cores — the app's and, on PostgreSQL, the database's — so more at once only adds
    // database sessions: under a burst that turned a short backlog into one that grew instead of draining.
    // A full queue is refused like any other limit (429 with Retry-After).
    private static PartitionedRateLimiter<HttpContext> LookupsAtOnce(IConfiguration limits)
    {
        var options = new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.GetValue("TrackingAtOnce", Environment.ProcessorCount * 4),
            QueueLimit = limits.GetValue("TrackingQueue", 4096),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return PartitionedRateLimiter.Create<HttpContext, string>(context => IsLookup(context)
            ? RateLimitPartition.GetConcurrencyLimiter("lookups", _ => options)
            : RateLimitPartition.GetNoLimiter("none"));
    }

    private static bool IsLookup(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == TrackingLimit
        || Features.Portal.PortalRegistration.LimitFor(context.Request) == TrackingLimit;

    // A guessing client is limited by its address (an IPv6 client by its /64), whatever codes it tries.
    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute, string kind = "api") =>
        RateLimitPartition.GetFixedWindowLimiter(
            kind + ":" + ClientAddress.PartitionKey(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseHttpsOnly();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        var policy = Features.Portal.PortalRegistration.ContentSecurityPolicy(app.Services);
        // MudBlazor and the diagram canvas write themes and positions as inline styles; only the staff screens and the designer need that.
        var staffPolicy = policy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            var interactive = context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/designer", StringComparison.OrdinalIgnoreCase);
            headers.ContentSecurityPolicy = interactive ? staffPolicy : policy;
            await next();
        });
        app.UseStaticFiles();
        // Staff credentials arrive only as a cookie or an Authorization header (bearer token). A request with
        // neither, such as a citizen's tracking lookup, can only stay anonymous: it skips asking every scheme.
        app.UseWhen(HasCredentials, branch => branch.UseAuthentication());
        app.UseCrossSiteGuard();
        // Before endpoint authorization, so an auditor's write is refused the same way everywhere.
        app.UseAuditorReadOnly();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi();
        return app;
    }

    private static bool HasCredentials(HttpContext context) =>
        context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
        || context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Cookie);

    // A malformed body is the client's mistake (400), never a server error.
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Auditor = nameof(Auditor);
    public const string Secretariat = nameof(Secretariat);
    public const string EDesk = nameof(EDesk);
    public const string Operations = nameof(Operations);
    public const string Admin = nameof(Admin);
}
