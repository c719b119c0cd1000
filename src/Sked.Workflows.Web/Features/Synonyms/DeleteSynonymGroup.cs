using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Search;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Faq;
using Sked.Workflows.Web.Http;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>DELETE /api/v1/synonyms/{id} → 204: the group goes and its words are no longer folded together. Audited (synonym.group-removed keeps its words).</summary>
public static class DeleteSynonymGroup
{
    public sealed class Handler(SynonymEditor editor)
    {
        public async Task<WorkflowResult> HandleAsync(long id, StaffMember member, CancellationToken cancellationToken)
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
                    return Task.FromResult<AuditEventData?>(null);
                }

                edit.Db.SynonymGroups.Remove(group);
                return Task.FromResult<AuditEventData?>(new SynonymGroupRemoved(id, group.Words, edit.Version));
            }, member, cancellationToken);
            return result;
        }
    }

    public static RouteGroupBuilder MapDeleteSynonymGroup(this RouteGroupBuilder api)
    {
        api.MapDelete("/synonyms/{id:long}", async (long id, HttpContext http, Handler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, http.Member(), ct)))
            .RequireCurator()
            .WithTags("Synonyms");
        return api;
    }
}
