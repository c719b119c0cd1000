using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.StaffArea;

/// <summary>
/// Who did something, as staff screens show it: a member of staff by their full name, the system and
/// citizens by their Persian names. Records keep the login (audit data is never rewritten); only the
/// screen resolves it. Loaded once per connection: the staff list is small.
/// </summary>
[FeatureContract]
public sealed class StaffNames(IDbContextFactory<SkedDbContext> dbFactory)
{
    public const string SystemCode = "actor.system";
    public const string CitizenCode = "actor.citizen";

    private Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private bool _loaded;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.FullName }).ToListAsync(cancellationToken);
        _names = staff.Where(s => s.UserName is not null && !string.IsNullOrWhiteSpace(s.FullName))
            .ToDictionary(s => s.UserName!, s => s.FullName, StringComparer.Ordinal);
        _loaded = true;
    }

    /// <summary>The name to show for a recorded actor; an unknown login is shown as it is.</summary>
    public string Of(string? actor) => actor switch
    {
        null or "" => "—",
        Actor.SystemName => Catalogue.Text(SystemCode),
        Actor.CitizenName => Catalogue.Text(CitizenCode),
        _ => _names.GetValueOrDefault(actor, actor),
    };
}
