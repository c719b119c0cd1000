using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>
/// Fills an empty database with demo staff (the README's fixed logins plus Bogus-generated people)
/// and a few hundred cases in various states, all moved through the real engine.
/// </summary>
public sealed partial class DemoSeeder(
    SkedDbContext db,
    UserManager<StaffUser> users,
    CaseWorkflowService workflows,
    DepartmentDirectory departments,
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
        if (!await db.Cases.AnyAsync(cancellationToken))
        {
            await SeedCasesAsync(staff, options.Value.Cases, cancellationToken);
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
        }

        // One hash serves every demo account: they share the password, and hashing is deliberately slow.
        var hash = users.PasswordHasher.HashPassword(new StaffUser(), DemoOptions.Password);
        var members = new List<StaffMember>();
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

        LogSeeded(logger, "staff accounts", members.Count);
        return members;
    }

    private async Task SeedCasesAsync(List<StaffMember> staff, int count, CancellationToken cancellationToken)
    {
        var edesk = staff.Single(s => s.UserName == "edesk");
        var types = new[] { CaseTypes.Complaint, CaseTypes.Complaint, CaseTypes.Request, CaseTypes.Suggestion, CaseTypes.PublicReport, CaseTypes.CeoQuestion };
        for (var i = 0; i < count; i++)
        {
            var submission = DemoSubmissions.Make(_faker, _faker.PickRandom(types));
            var started = await workflows.StartAsync(submission, Actor.Citizen("127.0.0.1"), cancellationToken);
            if (started.TrackingCode is null || _faker.Random.Double() < 0.3)
            {
                continue;
            }

            await AdvanceAsync(started.TrackingCode, edesk, staff, cancellationToken);
        }

        LogSeeded(logger, "demo cases", count);
    }

    /// <summary>Routes the case at the e-desk and, for about half, answers it in the department.</summary>
    private async Task AdvanceAsync(string trackingCode, StaffMember edesk, List<StaffMember> staff, CancellationToken cancellationToken)
    {
        var review = await OpenTaskAsync(trackingCode, cancellationToken);
        if (review is null || review.CandidateRole != Roles.EDesk)
        {
            return;
        }

        var department = _faker.PickRandom(departments.ByCode.Keys.ToList());
        await workflows.CompleteAsync(review.Id, edesk, "route", new Dictionary<string, string?> { ["department"] = department }, cancellationToken);
        if (_faker.Random.Bool())
        {
            return;
        }

        var answer = await OpenTaskAsync(trackingCode, cancellationToken);
        var member = staff.FirstOrDefault(s => answer is not null && s.Fits(answer.CandidateRole, answer.Department));
        if (answer is null || member is null)
        {
            return;
        }

        await workflows.CompleteAsync(answer.Id, member, "answer",
            new Dictionary<string, string?> { ["answer"] = DemoSubmissions.Answer(_faker) }, cancellationToken);
    }

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
