using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.TrackingCodes;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Letters;

/// <summary>
/// A sender lost a letter's password: the secretariat issues a new one (the old stops working at
/// once), which goes to the sender by SMS as the outbox's secret (redacted once the operator has it)
/// and is shown this once. Audited; the password never is. POST /api/v1/letters/{code}/password and
/// the page beside it call <see cref="Handler"/>.
/// </summary>
public static class ReissueLetterPassword
{
    public sealed record Response(string TrackingCode, string Password, bool Sent);

    public sealed class Handler(EngineRunner runner, IDbContextFactory<SkedDbContext> dbFactory)
    {
        public async Task<(WorkflowResult Result, Response? Issued)> HandleAsync(string? trackingCode, Actor secretariat, CancellationToken cancellationToken)
        {
            if (!TrackingCode.TryParse(trackingCode, out var code) || await LetterIdAsync(code.Value, cancellationToken) is not { } caseId)
            {
                return (WorkflowResult.NotFound(LetterTexts.NotALetter), null);
            }

            var password = LetterPassword.New();
            var sent = false;
            var result = await runner.RunAsync(step => step.ChangeCaseAsync(caseId, secretariat, (_, @case) =>
            {
                @case.PasswordHash = LetterPassword.Hash(password);
                sent = !string.IsNullOrEmpty(@case.Citizen.Mobile);
                List<Effect> effects = [new AuditEffect(new LetterPasswordReissued(sent), secretariat.Name)];
                if (sent)
                {
                    var text = Domain.Text.Catalogue.Render(LetterTexts.PasswordSms, @case.TrackingCode, password);
                    effects.Add(new NotifyEffect("sms", @case.Citizen.Mobile!, text, Secret: password));
                }

                return Task.FromResult<IReadOnlyList<Effect>>(effects);
            }, signal: null, announced: "letter.password-reissued", cancellationToken), cancellationToken);
            return result.Kind == WorkflowResultKind.Ok ? (result, new Response(code.Value, password, sent)) : (result, null);
        }

        private async Task<Guid?> LetterIdAsync(string code, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Cases.AsNoTracking()
                .Where(c => c.TrackingCode == code && c.Type == CaseTypes.Letter)
                .Select(c => (Guid?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }
    }

    public static RouteGroupBuilder MapReissueLetterPassword(this RouteGroupBuilder api)
    {
        api.MapPost("/letters/{trackingCode}/password", Endpoint)
            .RequireAuthorization(Policies.Secretariat)
            .WithTags("Letters")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Endpoint(string trackingCode, Handler handler, HttpContext http, CancellationToken cancellationToken)
    {
        var (result, issued) = await handler.HandleAsync(trackingCode, http.Member(), cancellationToken);
        return ApiResults.From(result, () => Results.Ok(issued));
    }
}
