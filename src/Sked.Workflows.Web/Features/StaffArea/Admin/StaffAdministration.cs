using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Audit;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Web.Features.StaffArea.Admin;

/// <summary>
/// What an admin changes about staff and departments; every change writes its audit event in the
/// same transaction (who, what before and after, from where).
/// </summary>
public sealed class StaffAdministration(SkedDbContext db, UserManager<StaffUser> users, DepartmentDirectory departments, TimeProvider time)
{
    public async Task<string?> AddDepartmentAsync(string? code, string? name, StaffMember admin)
    {
        var cleanCode = (code ?? string.Empty).Trim().ToLowerInvariant();
        var cleanName = PersianText.Normalize(name);
        if (cleanCode.Length is < 2 or > 60 || !cleanCode.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || cleanName.Length == 0)
        {
            return Catalogue.Render(StaffAdminErrors.DepartmentInvalid);
        }

        if (departments.ByCode.ContainsKey(cleanCode))
        {
            return Catalogue.Render(StaffAdminErrors.DepartmentExists);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Departments.Add(new Infrastructure.Persistence.Department { Code = cleanCode, Name = cleanName });
        Audit(new DepartmentCreated(cleanCode, cleanName), admin);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await departments.ReloadAsync(CancellationToken.None);
        return null;
    }

    public async Task<string?> CreateUserAsync(string? userName, string? fullName, string? department, IReadOnlyCollection<string> roles, string? password, StaffMember admin)
    {
        if (roles.Any(r => Roles.IsDepartmental(r)) && (department is null || !departments.ByCode.ContainsKey(department)))
        {
            return Catalogue.Render(StaffAdminErrors.DepartmentRequired);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new StaffUser { UserName = userName?.Trim(), FullName = PersianText.Normalize(fullName), Department = department, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password ?? string.Empty);
        if (!created.Succeeded)
        {
            return Describe(created);
        }

        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return Describe(added);
        }

        Audit(new StaffCreated(user.UserName, department, [.. roles]), admin);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    public async Task<string?> ChangeRolesAsync(string userName, string? department, IReadOnlyCollection<string> roles, StaffMember admin)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return Catalogue.Render(StaffAdminErrors.UserNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await users.GetRolesAsync(user);
        var beforeDepartment = user.Department;
        user.Department = department;
        await users.UpdateAsync(user);
        await users.RemoveFromRolesAsync(user, before.Except(roles, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, roles.Except(before, StringComparer.Ordinal));
        // Claims in the member's existing login must not outlive the change.
        await users.UpdateSecurityStampAsync(user);
        Audit(new StaffRolesChanged(userName, new StaffPlacement([.. before], beforeDepartment), new StaffPlacement([.. roles], department)), admin);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    public async Task<List<(StaffUser User, IList<string> Roles)>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var result = new List<(StaffUser, IList<string>)>(all.Count);
        foreach (var user in all)
        {
            result.Add((user, await users.GetRolesAsync(user)));
        }

        return result;
    }

    private void Audit(AuditEventData data, StaffMember admin) => db.AuditEvents.Add(new AuditEvent(data, admin.UserName)
    {
        At = time.GetUtcNow(),
        ClientAddress = admin.ClientAddress,
    });

    // Identity describes its refusals in English; staff read the catalogue's sentence for each code instead.
    private string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e =>
        Catalogue.Has(IdentityCode(e.Code))
            ? Catalogue.Render(IdentityCode(e.Code), users.Options.Password.RequiredLength)
            : Catalogue.Text(IdentityCode("default")))
        .Distinct(StringComparer.Ordinal));

    private static string IdentityCode(string code) => "identity." + code;
}
