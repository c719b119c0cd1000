using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>POST /api/v1/cases: a citizen's complaint, request, suggestion, public report or CEO question.</summary>
public static class SubmitCase
{
    public sealed record Response(string TrackingCode, DateTimeOffset? ExpectedAnswerAt);

    public static RouteGroupBuilder MapSubmitCase(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", Handle)
            .RequireRateLimiting(WebApiRegistration.SubmissionLimit)
            .WithTags("Cases")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Handle(CaseSubmission submission, CaseWorkflowService workflows, HttpContext http, CancellationToken cancellationToken)
    {
        if (submission.Type is CaseTypes.Letter or CaseTypes.EmailInquiry)
        {
            return ApiResults.Invalid("type", "نامه‌ها در دبیرخانه و پرسش‌های پست الکترونیکی در میز خدمت ثبت می‌شوند.");
        }

        var started = await workflows.StartAsync(submission, http.Actor(), cancellationToken);
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new Response(started.TrackingCode!, started.ExpectedAnswerAt)));
    }
}
