using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Faq;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>
/// POST /api/v1/synonyms {words[]} → 201 {id}: a new group of words folded to its first word. Audited
/// (synonym.group-added); the FAQ matcher and case search use it from the next question on, on every node.
/// </summary>
public static class AddSynonymGroup
{
    public sealed record Created(long Id);

    public sealed class Handler(SynonymEditor editor)
    {
        public async Task<(WorkflowResult Result, long? Id)> HandleAsync(SynonymGroupInput input, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return (WorkflowResult.Forbidden(SynonymTexts.NotCurator), null);
            }

            var result = WorkflowResult.Ok;
            SynonymGroup? added = null;
            await editor.ChangeAsync(async edit =>
            {
                var (words, errors) = input.Validate(edit.Groups);
                if (errors.Any)
                {
                    result = new WorkflowResult(WorkflowResultKind.Invalid, Message.Of(SynonymTexts.Invalid), errors.ToMessages());
                    return null;
                }

                added = new SynonymGroup { Words = words, UpdatedAt = edit.Now, UpdatedBy = member.Name };
                edit.Db.SynonymGroups.Add(added);
                // The group's id goes into its audit event.
                await edit.Db.SaveChangesAsync(cancellationToken);
                return new SynonymGroupAdded(added.Id, words, edit.Version);
            }, member, cancellationToken);
            return (result, added?.Id);
        }
    }

    public static RouteGroupBuilder MapAddSynonymGroup(this RouteGroupBuilder api)
    {
        api.MapPost("/synonyms", async (SynonymGroupInput input, HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var (result, id) = await handler.HandleAsync(input, http.Member(), ct);
                return ApiResults.From(result, () => Results.Created($"/api/v1/synonyms/{id}", new Created(id!.Value)));
            })
            .RequireCurator()
            .WithTags("Synonyms")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return api;
    }
}
