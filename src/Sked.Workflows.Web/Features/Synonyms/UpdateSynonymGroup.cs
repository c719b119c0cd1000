using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Faq;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>PUT /api/v1/synonyms/{id} {words[]} → 204: a group's words replaced (the first is its term). Audited (synonym.group-edited, before and after).</summary>
public static class UpdateSynonymGroup
{
    public sealed class Handler(Infrastructure.Search.SynonymEditor editor)
    {
        public async Task<WorkflowResult> HandleAsync(long id, SynonymGroupInput input, StaffMember member, CancellationToken cancellationToken)
        {
            if (!FaqCurators.May(member))
            {
                return WorkflowResult.Forbidden(SynonymTexts.NotCurator);
            }

            var result = WorkflowResult.Ok;
            await editor.ChangeAsync(edit =>
            {
                if (edit.Groups.FirstOrDefault(g => g.Id == id) is not { } group)
                {
                    result = WorkflowResult.NotFound(SynonymTexts.NotFound);
                    return Task.FromResult<Engine.Audit.AuditEventData?>(null);
                }

                var (words, errors) = input.Validate(edit.Groups.Where(g => g.Id != id));
                if (errors.Any)
                {
                    result = new WorkflowResult(WorkflowResultKind.Invalid, Message.Of(SynonymTexts.Invalid), errors.ToMessages());
                    return Task.FromResult<Engine.Audit.AuditEventData?>(null);
                }

                var before = group.Words;
                group.Words = words;
                group.UpdatedAt = edit.Now;
                group.UpdatedBy = member.Name;
                return Task.FromResult<Engine.Audit.AuditEventData?>(new SynonymGroupEdited(id, before, words, edit.Version));
            }, member, cancellationToken);
            return result;
        }
    }

    public static RouteGroupBuilder MapUpdateSynonymGroup(this RouteGroupBuilder api)
    {
        api.MapPut("/synonyms/{id:long}", async (long id, SynonymGroupInput input, HttpContext http, Handler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, http.Member(), ct)))
            .RequireCurator()
            .WithTags("Synonyms")
            .ProducesValidationProblem();
        return api;
    }
}
