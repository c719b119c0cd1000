using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Letters;

/// <summary>
/// POST /api/v1/letters (Secretariat): registers an incoming letter; the response carries the
/// tracking code and the password, shown this once and stored only as a hash.
/// </summary>
public static class RegisterLetter
{
    public sealed record Request(string? Subject, string? Body, CitizenInput? Citizen, string? LetterNumber, string? LetterDate);

    public sealed record Response(string TrackingCode, string Password);

    public static RouteGroupBuilder MapRegisterLetter(this RouteGroupBuilder api)
    {
        api.MapPost("/letters", Handle)
            .RequireAuthorization(Policies.Secretariat)
            .WithTags("Letters")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Handle(Request request, CaseWorkflowService workflows, HttpContext http, CancellationToken cancellationToken)
    {
        var submission = new CaseSubmission
        {
            Type = CaseTypes.Letter,
            Subject = request.Subject,
            Body = request.Body,
            Citizen = request.Citizen,
            LetterNumber = request.LetterNumber,
            LetterDate = request.LetterDate,
        };
        var started = await workflows.StartAsync(submission, http.Member(), cancellationToken);
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new Response(started.TrackingCode!, started.Password!)));
    }
}
