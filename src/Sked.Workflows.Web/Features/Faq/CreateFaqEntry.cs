using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Faq;

/// <summary>
/// POST /api/v1/faq {question, answer, category?, alternatives?[], published?} → 201 {id}: staff write
/// an entry; published at once only when asked. Audited (faq.created, and faq.published).
/// </summary>
public static class CreateFaqEntry
{
    public sealed record Created(Guid Id);

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory, FaqIndex index, TimeProvider time)
    {
        public async Task<(WorkflowResult Result, Guid? Id)> HandleAsync(FaqEntryInput input, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return (WorkflowResult.Forbidden(FaqTexts.NotCurator), null);
            }

            var (clean, errors) = input.Validate();
            if (errors.Any)
            {
                return (new WorkflowResult(WorkflowResultKind.Invalid, Message.Of(FaqTexts.Invalid), errors.ToMessages()), null);
            }

            var key = PersianText.MatchKey(clean.Question);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Faq.AnyAsync(f => f.QuestionKey == key, cancellationToken))
            {
                return (WorkflowResult.Conflict(FaqTexts.Exists), null);
            }

            var now = time.GetUtcNow();
            var entry = new FaqEntry { QuestionKey = key, Question = clean.Question!, Answer = clean.Answer! };
            clean.ApplyTo(entry, now);
            entry.PublishedAt = clean.Published == true ? now : null;
            await FaqAudit.ChangeAsync(db, index, () =>
            {
                db.Faq.Add(entry);
                FaqAudit.Add(db, new FaqCreated(entry.Id, entry.Question, entry.PublishedAt is not null), member, now);
            }, cancellationToken);
            return (WorkflowResult.Ok, entry.Id);
        }
    }

    public static RouteGroupBuilder MapCreateFaqEntry(this RouteGroupBuilder api)
    {
        api.MapPost("/faq", async (FaqEntryInput input, HttpContext http, Handler handler, CancellationToken ct) =>
        {
            var (result, id) = await handler.HandleAsync(input, http.Member(), ct);
            return ApiResults.From(result, () => Results.Created($"/api/v1/faq/{id}", new Created(id!.Value)));
        })
            .RequireCurator()
            .WithTags("FAQ")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }
}
