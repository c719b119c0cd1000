using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Cases;

/// <summary>
/// A citizen submits a complaint, request, suggestion, public report or CEO question. POST
/// /api/v1/cases, the portal's forms and Open311 all call <see cref="Handler"/>; letters and e-mail
/// inquiries come in through staff (their own use cases), which start the case the same way.
/// </summary>
public static class SubmitCase
{
    public sealed record Response(string TrackingCode, DateTimeOffset? ExpectedAnswerAt);

    public sealed class Handler(EngineRunner runner)
    {
        /// <summary>A citizen's case; the citizen channels take no letters or e-mail inquiries.</summary>
        public Task<StartedCase> HandleAsync(CaseSubmission submission, Actor actor, IReadOnlyList<CaseAttachment> attachments, CancellationToken cancellationToken)
        {
            if (submission.Type is CaseTypes.Letter or CaseTypes.EmailInquiry)
            {
                return Task.FromResult(new StartedCase(WorkflowResult.Invalid(new Dictionary<string, Message[]>(StringComparer.Ordinal)
                {
                    ["type"] = [Message.Of(WorkflowMessages.CaseWrongChannel)],
                })));
            }

            return StartAsync(submission, actor, attachments, cancellationToken);
        }

        /// <summary>Any channel's case: validated and normalised, then started on the latest definition of its type.</summary>
        public Task<StartedCase> StartAsync(CaseSubmission submission, Actor actor, IReadOnlyList<CaseAttachment> attachments, CancellationToken cancellationToken) =>
            StartAsync(submission, actor, attachments, alongside: null, cancellationToken);

        /// <summary>As above; <paramref name="alongside"/> adds the channel's own rows (a recorded mail) to the start's transaction.</summary>
        public async Task<StartedCase> StartAsync(CaseSubmission submission, Actor actor, IReadOnlyList<CaseAttachment> attachments,
            Func<UnitScope, CaseFile, Task>? alongside, CancellationToken cancellationToken)
        {
            var check = SubmissionValidator.Check(submission);
            return check.IsValid
                ? await runner.StartAsync(check.Submission, actor, attachments, alongside, cancellationToken)
                : new StartedCase(WorkflowResult.Invalid(check.Errors));
        }
    }

    public static RouteGroupBuilder MapSubmitCase(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", Endpoint)
            .RequireRateLimiting(WebApiRegistration.SubmissionLimit)
            .WithTags("Cases")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Endpoint(CaseSubmission submission, Handler handler, HttpContext http, CancellationToken cancellationToken)
    {
        var started = await handler.HandleAsync(submission, http.Actor(), [], cancellationToken);
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new Response(started.TrackingCode!, started.ExpectedAnswerAt)));
    }
}
