using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Nodes;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>
/// Fills an empty database with demo staff (the README's fixed logins plus Bogus-generated people)
/// and a few hundred cases in various states, all moved through the real engine (whose group commit
/// shares transactions when work piles up). The staff are written before the app serves; the cases
/// just after (<see cref="DemoCaseWriter"/>), so a fresh database serves within seconds.
/// </summary>
public sealed partial class DemoSeeder(
    SkedDbContext db,
    UserManager<StaffUser> users,
    EngineRunner runner,
    DemoCaseWriter caseWriter,
    DepartmentDirectory departments,
    DefinitionCatalog definitions,
    Calendar.CurrentCalendar calendar,
    TimeProvider time,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    private readonly Faker _faker = new("fa") { Random = new Randomizer(1404) };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var staff = await SeedStaffAsync(cancellationToken);
        if (options.Value.Cases > 0 && !await db.Cases.AnyAsync(cancellationToken))
        {
            caseWriter.Schedule(staff);
        }
    }

    private async Task<List<StaffMember>> SeedStaffAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<(string UserName, string[] Roles, string? Department)>
        {
            ("edesk", [Roles.EDesk], null),
            ("secretariat", [Roles.Secretariat], null),
            ("ceo-office", [Roles.CeoOffice], null),
            ("auditor", [Roles.Auditor], null),
            ("process-owner", [Roles.ProcessOwner], null),
            ("admin", [Roles.Admin], null),
        };
        foreach (var code in departments.ByCode.Keys)
        {
            accounts.Add(($"staff.{code}", [Roles.Department], code));
            accounts.Add(($"head.{code}", [Roles.Department, Roles.DepartmentHead], code));
            // A second member per department (named by Bogus like everyone), so queues are shared as at work.
            accounts.Add(($"colleague.{code}", [Roles.Department], code));
        }

        // One hash serves every demo account: they share the password, and hashing is deliberately slow.
        var hash = users.PasswordHasher.HashPassword(new StaffUser(), DemoOptions.Password);
        var members = new List<StaffMember>();
        // One commit for all accounts, not two per account.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (userName, roles, department) in accounts)
        {
            var user = new StaffUser
            {
                UserName = userName,
                FullName = _faker.Name.FullName(),
                Department = department,
                PasswordHash = hash,
                EmailConfirmed = true,
            };
            Check(await users.CreateAsync(user), userName);
            Check(await users.AddToRolesAsync(user, roles), userName);
            members.Add(new StaffMember(userName, roles.ToHashSet(StringComparer.Ordinal), department, null));
        }

        await transaction.CommitAsync(cancellationToken);

        LogSeeded(logger, "staff accounts", members.Count);
        return members;
    }

    /// <summary>Writes the configured number of demo cases through the engine, moved on by these staff members.</summary>
    internal async Task SeedCasesAsync(List<StaffMember> staff, CancellationToken cancellationToken)
    {
        var count = options.Value.Cases;
        var types = new[] { CaseTypes.Complaint, CaseTypes.Complaint, CaseTypes.Request, CaseTypes.Suggestion, CaseTypes.PublicReport, CaseTypes.CeoQuestion };
        for (var i = 0; i < count; i++)
        {
            var message = DemoSubmissions.Pick(_faker, _faker.PickRandom(types));
            var check = SubmissionValidator.Check(message.Submission);
            var started = await runner.StartAsync(check.Submission, Actor.Citizen("127.0.0.1"), [], cancellationToken);
            if (started.TrackingCode is not null)
            {
                // Various states: some cases wait at intake review, some midway, some are answered;
                // routed to the department that answers such a message, and answered in its words.
                await AdvanceAsync(started.TrackingCode, message.Department, staff, _faker.Random.Int(0, 4), cancellationToken);
            }
        }

        await DemoHistory.SpreadAsync(db, calendar.Value, time.GetUtcNow(), _faker, cancellationToken);
        LogSeeded(logger, "demo cases", count);
    }

    /// <summary>Completes up to <paramref name="steps"/> tasks of the case the way staff would.</summary>
    private async Task AdvanceAsync(string trackingCode, string department, List<StaffMember> staff, int steps, CancellationToken cancellationToken)
    {
        for (var step = 0; step < steps; step++)
        {
            var task = await OpenTaskAsync(trackingCode, cancellationToken);
            var member = staff.FirstOrDefault(s => task is not null && s.Fits(task.CandidateRole, task.Department));
            if (task is null || member is null)
            {
                return;
            }

            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
            var workflow = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            var node = workflow.Node(task.NodeId).PropertiesAs<HumanTaskNode.Props>();
            var outcome = ForwardOutcomes.FirstOrDefault(o => node.Outcomes.Exists(n => n.Name == o)) ?? node.Outcomes[0].Name;
            var form = FormFor(node, outcome, department);
            var result = await runner.RunAsync(async unit =>
                await unit.TaskAsync(task.Id, cancellationToken) is { } open && open.RefuseCompletion(member) is null
                    ? await unit.CompleteAsync(open, member, outcome, form, cancellationToken)
                    : WorkflowResult.Conflict(Engine.Runtime.WorkflowMessages.TaskNoLongerOpen), cancellationToken);
            if (result.Kind != WorkflowResultKind.Ok)
            {
                return;
            }
        }
    }

    // Outcomes that move a case toward its answer, most final first.
    private static readonly string[] ForwardOutcomes = ["answer", "approve", "resolved", "route", "refer"];

    private Dictionary<string, string?> FormFor(HumanTaskNode.Props node, string outcome, string department) =>
        node.Form.Where(f => f.Required || f.RequiredFor.Contains(outcome)).ToDictionary(
            f => f.Name,
            f => (string?)(f.Type switch
            {
                "department" => departments.ByCode.ContainsKey(department) ? department : _faker.PickRandom(departments.ByCode.Keys.ToList()),
                "select" => f.Options[0].Value,
                "boolean" => "true",
                "date" => "1405/09/01",
                _ => DemoSubmissions.Answer(_faker, department),
            }),
            StringComparer.Ordinal);

    private Task<HumanTask?> OpenTaskAsync(string trackingCode, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking()
            .Where(t => t.TrackingCode == trackingCode && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
            .FirstOrDefaultAsync(cancellationToken);

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} {What}")]
    private static partial void LogSeeded(ILogger logger, string what, int count);
}
