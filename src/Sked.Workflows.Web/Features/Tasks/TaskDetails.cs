using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>Everything the task page shows: the task, its node's form, the whole case and its history.</summary>
public sealed record TaskDetails(
    HumanTask Task,
    CaseFile Case,
    HumanTaskNode.Props Node,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<HumanTask> History,
    IReadOnlyList<StaffUser> DepartmentMembers,
    bool SeesIdentity,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<CannedAnswer> CannedAnswers)
{
    /// <summary>The task nodes of the case's steps by node id, so earlier steps show their outcome and field captions, not their ids.</summary>
    public IReadOnlyDictionary<string, HumanTaskNode.Props> Steps { get; init; } = new Dictionary<string, HumanTaskNode.Props>(StringComparer.Ordinal);

    /// <summary>The case's e-mails in and out, with their attachments.</summary>
    public MailThread Mail { get; init; } = MailThread.None;

    /// <summary>The Persian caption of a step's outcome; an outcome the node no longer lists is shown as it is.</summary>
    public string OutcomeLabel(HumanTask step) =>
        Steps.GetValueOrDefault(step.NodeId)?.Outcomes.Find(o => o.Name == step.Outcome)?.Label ?? step.Outcome ?? "—";

    /// <summary>The form field a step filled in under that name, for its caption and type; null when the node no longer has it.</summary>
    public FormField? Field(HumanTask step, string name) =>
        Steps.GetValueOrDefault(step.NodeId)?.Form.Find(f => f.Name == name);
}

/// <summary>A file of the case; <paramref name="MailId"/> names the e-mail it came with, null for a photo or scan.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, int Size, Guid? MailId = null);

/// <summary>Loads a task page's data, or nothing when the member may not see that case.</summary>
public sealed class TaskDetailsQuery(IDbContextFactory<SkedDbContext> dbFactory, DefinitionCatalog definitions, UserManager<StaffUser> users, TimeProvider time)
{
    /// <summary>Every look at an anonymous reporter's identity is itself recorded (who, which case, from where).</summary>
    private async Task RecordIdentityReadAsync(SkedDbContext db, CaseFile @case, StaffMember staff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AuditEvents.Add(new Infrastructure.Audit.AuditEvent(new Engine.Audit.Events.IdentityRead(@case.IdentityVisibleTo), staff.UserName)
        {
            At = time.GetUtcNow(),
            CaseId = @case.Id,
            TrackingCode = @case.TrackingCode,
            ClientAddress = staff.ClientAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<TaskDetails?> LoadAsync(Guid taskId, StaffMember staff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || !await CaseAccess.CanSeeAsync(db, staff, task.CaseId, cancellationToken))
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == task.CaseId, cancellationToken);
        var seesIdentity = CaseAccess.SeesIdentity(@case, staff);
        if (@case.Anonymous && seesIdentity)
        {
            await RecordIdentityReadAsync(db, @case, staff, cancellationToken);
        }

        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
        var workflow = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CaseId == @case.Id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Content.Length, a.MailId)).ToListAsync(cancellationToken);
        var history = await db.Tasks.AsNoTracking().Where(t => t.CaseId == @case.Id).OrderBy(t => t.Activation).ToListAsync(cancellationToken);
        var members = staff.HeadsDepartment(task.Department)
            ? (await users.GetUsersInRoleAsync(Roles.Department)).Where(u => u.Department == task.Department).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList()
            : [];
        return new TaskDetails(task, @case, workflow.Node(task.NodeId).PropertiesAs<HumanTaskNode.Props>(), attachments, history, members,
            seesIdentity, instance.Variables,
            await db.CannedAnswers.AsNoTracking().Where(a => a.Department == task.Department).OrderBy(a => a.Title).ToListAsync(cancellationToken))
        {
            Steps = history.Select(t => t.NodeId).Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => workflow.Node(id).PropertiesAs<HumanTaskNode.Props>(), StringComparer.Ordinal),
            Mail = await MailThread.LoadAsync(db, @case, attachments, cancellationToken),
        };
    }
}
