using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>
/// The tasks of some cases, found through their workflow instances: an instance is found by its case (a unique
/// index) and its tasks by the (instance, activation) index. The tasks table has no index on the case, so asking
/// it by case reads the whole table (on SQLite, sometimes a whole queue): a million rows on a million cases, for
/// every search and every change the case index follows. The ids go as one array (PostgreSQL) or JSON (SQLite)
/// parameter, not as a list of parameters compiled again for each length.
/// </summary>
public static class CaseTasks
{
    public static IQueryable<HumanTask> Of(SkedDbContext db, IReadOnlyCollection<Guid> cases)
    {
        var instances = db.Instances.Where(i => EF.Parameter(cases).Contains(i.CaseId)).Select(i => i.Id);
        return db.Tasks.AsNoTracking().Where(t => instances.Contains(t.InstanceId));
    }
}
