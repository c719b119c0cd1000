using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Letters;

/// <summary>
/// The Secretariat registers an incoming letter; the answer carries the tracking code and the password,
/// shown this once and stored only as a hash. POST /api/v1/letters and the letter page
/// (RegisterLetterPage, with the scanned letter attached) both call <see cref="Handler"/>.
/// </summary>
public static class RegisterLetter
{
    public sealed record Request(string? Subject, string? Body, CitizenInput? Citizen, string? LetterNumber, string? LetterDate);

    public sealed record Response(string TrackingCode, string Password);

    public sealed class Handler(SubmitCase.Handler cases)
    {
        public Task<StartedCase> HandleAsync(Request request, StaffMember secretariat, IReadOnlyList<CaseAttachment> scans, CancellationToken cancellationToken) =>
            cases.StartAsync(new CaseSubmission
            {
                Type = CaseTypes.Letter,
                Subject = request.Subject,
                Body = request.Body,
                Citizen = request.Citizen,
                LetterNumber = request.LetterNumber,
                LetterDate = request.LetterDate,
            }, secretariat, scans, cancellationToken);
    }

    public static RouteGroupBuilder MapRegisterLetter(this RouteGroupBuilder api)
    {
        api.MapPost("/letters", Endpoint)
            .RequireAuthorization(Policies.Secretariat)
            .WithTags("Letters")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Endpoint(Request request, Handler handler, HttpContext http, CancellationToken cancellationToken)
    {
        var started = await handler.HandleAsync(request, http.Member(), [], cancellationToken);
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new Response(started.TrackingCode!, started.Password!)));
    }
}
