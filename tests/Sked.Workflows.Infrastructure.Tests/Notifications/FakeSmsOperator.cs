using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Infrastructure.Tests.Notifications;

/// <summary>
/// Stands in for a generic SMS operator (the Http provider's contract), which cannot exist here: a
/// real HTTP server on 127.0.0.1 that records what it is sent and refuses the first <c>failures</c>
/// requests with 503; GET /sms/{id} answers whether it has a message, and <see cref="AnswerDelay"/>
/// keeps the answer to an accepted send back.
/// </summary>
public sealed class FakeSmsOperator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private FakeSmsOperator(WebApplication app, int failures)
    {
        _app = app;
        _failuresLeft = failures;
    }

    public ConcurrentQueue<(string To, string Text)> Delivered { get; } = new();
    public ConcurrentDictionary<Guid, bool> Ids { get; } = new();
    public TimeSpan AnswerDelay { get; set; }
    public int Refused { get; private set; }
    public Uri Url => new(_app.Urls.First() + "/sms");

    public static async Task<FakeSmsOperator> StartAsync(int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSmsOperator(app, failures);
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref fake._failuresLeft) >= 0)
            {
                fake.Refused++;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var body = (await JsonNode.ParseAsync(request.Body))!;
            fake.Delivered.Enqueue((body["to"]!.GetValue<string>(), body["text"]!.GetValue<string>()));
            var id = body["id"]!.GetValue<Guid>();
            fake.Ids[id] = true;
            if (fake.AnswerDelay > TimeSpan.Zero)
            {
                await Task.Delay(fake.AnswerDelay, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return Results.Ok(new { id });
        });
        app.MapGet("/sms/{id:guid}", (Guid id) => fake.Ids.ContainsKey(id) ? Results.Ok(new { status = "sent" }) : Results.NotFound());
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
