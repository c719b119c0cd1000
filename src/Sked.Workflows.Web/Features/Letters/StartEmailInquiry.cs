using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Letters;

/// <summary>
/// The e-desk records a question that arrived at info@sked.co.ir as a case. POST
/// /api/v1/email-inquiries calls <see cref="Handler"/>; the mail channel will call it too when it
/// reads the mailbox itself.
/// </summary>
public static class StartEmailInquiry
{
    public sealed record Request(string? Subject, string? Body, string? FromAddress, string? FromName);

    public sealed class Handler(SubmitCase.Handler cases)
    {
        public Task<StartedCase> HandleAsync(Request request, Actor recorder, CancellationToken cancellationToken) =>
            cases.StartAsync(new CaseSubmission
            {
                Type = CaseTypes.EmailInquiry,
                Subject = request.Subject,
                Body = request.Body,
                Citizen = new CitizenInput(request.FromName, null, null, request.FromAddress),
            }, recorder, [], cancellationToken);
    }

    public static RouteGroupBuilder MapStartEmailInquiry(this RouteGroupBuilder api)
    {
        api.MapPost("/email-inquiries", Endpoint)
            .RequireAuthorization(Policies.EDesk)
            .WithTags("Cases")
            .Produces<SubmitCase.Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Endpoint(Request request, Handler handler, HttpContext http, CancellationToken cancellationToken)
    {
        var started = await handler.HandleAsync(request, http.Member(), cancellationToken);
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new SubmitCase.Response(started.TrackingCode!, started.ExpectedAnswerAt)));
    }
}
