using Microsoft.AspNetCore.Diagnostics;

namespace Sked.Workflows.Web.Http;

/// <summary>
/// A body the framework could not read (malformed JSON, wrong content type, too large) is the client's
/// mistake: 400 (or the status the framework chose) in the client's shape, and one debug line instead
/// of an error with a stack trace — log noise that anyone could otherwise produce at will (issue 16).
/// Handled here, the exception handler middleware does not log it as an error.
/// </summary>
internal sealed partial class BadInputHandler(ILogger<BadInputHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, status, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        // The framework's message names our types; the client gets a plain sentence.
        await ErrorAnswer.For(httpContext, status, Domain.Text.Catalogue.Render(HttpTexts.BadRequest)).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}
