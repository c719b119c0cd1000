using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Letters;

/// <summary>
/// POST /api/v1/email-inquiries (EDesk): records a question that arrived at info@sked.co.ir as a
/// case. The mail channel will call the same service when it reads the mailbox itself.
/// </summary>
public static class StartEmailInquiry
{
    public sealed record Request(string? Subject, string? Body, string? FromAddress, string? FromName);

    public static RouteGroupBuilder MapStartEmailInquiry(this RouteGroupBuilder api)
    {
        api.MapPost("/email-inquiries", Handle)
            .RequireAuthorization(Policies.EDesk)
            .WithTags("Cases")
            .Produces<SubmitCase.Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Handle(Request request, CaseWorkflowService workflows, HttpContext http, CancellationToken cancellationToken)
    {
        var submission = new CaseSubmission
        {
            Type = CaseTypes.EmailInquiry,
            Subject = request.Subject,
            Body = request.Body,
            Citizen = new CitizenInput(request.FromName, null, null, request.FromAddress),
        };
        var started = await workflows.StartAsync(submission, http.Member(), cancellationToken);
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new SubmitCase.Response(started.TrackingCode!, started.ExpectedAnswerAt)));
    }
}
