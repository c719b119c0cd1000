using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Audit;

/// <summary>An auditor reads and changes nothing: every endpoint that accepts a write refuses their token. Store-independent, so on SQLite.</summary>
public sealed class AuditorReadOnlyTests(TestDatabases databases)
{
    // Signing in and out is how an auditor comes to read; it changes no case.
    private static readonly string[] SignIn = ["/login", "/refresh", "/staff/login", "/staff/logout"];

    [Fact]
    public async Task Auditor_CallingEveryWriteEndpoint_Gets403_AndNothingChanges()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var auditor = await app.LoginAsync("auditor");
        var writes = WriteEndpoints(app, code);
        // The submission's SMS records itself in the history on its own time; let it before counting.
        await app.OutboxDrainedAsync();
        var before = await ChangesAsync(app);

        var answers = new List<string>();
        foreach (var (method, url) in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            var response = await auditor.SendAsync(request);
            answers.Add($"{(int)response.StatusCode} {method} {url}");
        }

        Assert.Contains(writes, w => w.Url == "/api/v1/cases");
        Assert.Contains(writes, w => w.Url.EndsWith("/complete", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Url.StartsWith("/open311/", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Url.StartsWith("/manage/", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.StartsWith("403 ", a, StringComparison.Ordinal));
        Assert.Equal(before, await ChangesAsync(app));
    }

    [Fact]
    public async Task OtherStaff_AreNotHeldBackByTheAuditorGuard()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));
        var code = await CaseApi.SubmitAsync(app.Anonymous(), CaseApi.Complaint());
        var edesk = await app.LoginAsync("edesk");
        var task = (await CaseApi.TaskForAsync(edesk, code))!;

        Assert.Equal(HttpStatusCode.NoContent, (await CaseApi.ClaimAsync(edesk, task["id"]!.GetValue<string>())).StatusCode);
    }

    /// <summary>Every route that takes a method other than GET/HEAD/OPTIONS, with its parameters filled in.</summary>
    private static List<(string Method, string Url)> WriteEndpoints(TestApp app, string trackingCode)
    {
        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var writes = new List<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["POST", "PUT", "PATCH", "DELETE"];
            var url = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Value(parameter, trackingCode),
                _ => "x",
            }))));
            url = url.Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');
            foreach (var method in methods.Where(m => m is not ("GET" or "HEAD" or "OPTIONS")))
            {
                // The staff screens' live connection carries reads too; what it may do is checked by role in the services.
                if (!SignIn.Contains(url) && !url.StartsWith("/_blazor", StringComparison.Ordinal))
                {
                    writes.Add((method, url.Length == 0 ? "/" : url));
                }
            }
        }

        return writes.Distinct().ToList();
    }

    private static string Value(Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter, string trackingCode) => parameter.Name switch
    {
        "trackingCode" or "code" => trackingCode,
        "format" => "json",
        _ when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
        _ when parameter.IsOptional || parameter.IsCatchAll => string.Empty,
        _ => "x",
    };

    // Everything an auditor could change, apart from the login events their own sign-in wrote.
    private static async Task<string> ChangesAsync(TestApp app)
    {
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        return string.Join(", ",
            await db.AuditEvents.CountAsync(a => a.Type != "staff.login"),
            await db.Cases.CountAsync(),
            await db.Tasks.CountAsync(t => t.Status != Sked.Workflows.Engine.Tasks.HumanTaskStatus.Open),
            string.Concat(await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName + u.PasswordHash + u.SecurityStamp).ToListAsync()));
    }
}
