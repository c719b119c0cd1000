using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Letters;

/// <summary>
/// The e-desk records a mail that reached the company another way (forwarded to a colleague, handed
/// over printed) as an e-mail case. POST /api/v1/email-inquiries and the screen beside it
/// (RecordMailPage) call <see cref="Handler"/>; mail that arrives at info@ itself comes in through the
/// intake (Infrastructure/Mail/ReceiveMail).
/// </summary>
public static class StartEmailInquiry
{
    /// <summary>The Message-ID of a recorded mail starts so: the original's own is not known.</summary>
    public const string RecordedPrefix = "recorded-";

    public sealed record Request(string? Subject, string? Body, string? FromAddress, string? FromName);

    /// <summary>A mail on a case's thread that staff recorded by hand (its recorder is the actor who started the case).</summary>
    public static bool IsRecorded(CaseMail mail) =>
        mail.Direction == MailDirection.In && mail.MessageId.StartsWith(RecordedPrefix, StringComparison.Ordinal);

    /// <summary>The started case and the task it opened (for the screen's link to the case), when it started.</summary>
    public sealed record Recorded(StartedCase Started, Guid? TaskId);

    public sealed class Handler(SubmitCase.Handler cases, IOptions<MailOptions> mail)
    {
        private readonly string _domain = MailIds.DomainOf(mail.Value.Address);

        public async Task<Recorded> HandleAsync(Request request, Actor recorder, CancellationToken cancellationToken)
        {
            Guid? task = null;
            var started = await cases.StartAsync(new CaseSubmission
            {
                Type = CaseTypes.EmailInquiry,
                Subject = request.Subject,
                Body = request.Body,
                Citizen = new CitizenInput(request.FromName, null, null, request.FromAddress),
            }, recorder, [], (scope, @case) =>
            {
                task = OpenedTask(scope, @case);
                Record(scope, @case);
                return Task.CompletedTask;
            }, cancellationToken);
            return new Recorded(started, started.Result.Kind == WorkflowResultKind.Ok ? task : null);
        }

        /// <summary>
        /// The mail opens the case's thread in the case's own transaction, so the acknowledgement the
        /// start queues answers it, and the citizen is told it was recorded by hand.
        /// </summary>
        private void Record(UnitScope scope, CaseFile @case)
        {
            var id = Guid.CreateVersion7();
            scope.Db.CaseMail.Add(new CaseMail
            {
                Id = id,
                CaseId = @case.Id,
                Direction = MailDirection.In,
                MessageId = RecordedPrefix + MailIds.For(id, _domain),
                Address = @case.Citizen.Email!,
                DisplayName = @case.Citizen.Name,
                Subject = @case.Subject,
                Text = @case.Body,
                At = scope.Now,
                Disposition = MailDisposition.NewCase,
                Notes = Catalogue.Text(RecordMailTexts.RecordedNote),
            });
        }

        /// <summary>The task the start opened in this unit (written, not yet saved).</summary>
        private static Guid? OpenedTask(UnitScope scope, CaseFile @case) =>
            scope.NewRows<HumanTask>().Where(t => t.CaseId == @case.Id).Select(t => (Guid?)t.Id).FirstOrDefault();
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
        var started = (await handler.HandleAsync(request, http.Member(), cancellationToken)).Started;
        return ApiResults.From(started.Result, () =>
            Results.Created($"/api/v1/cases/{started.TrackingCode}", new SubmitCase.Response(started.TrackingCode!, started.ExpectedAnswerAt)));
    }
}
